/**
 * Told how far a long index build has got: `done` of `total` reports read. Called often (every few
 * hundred reports), so a listener should only update a display.
 */
export type ProgressListener = (done: number, total: number) => void;

/** Calls the listener at most once per `every` steps and always at the end, so listeners stay cheap. */
export function throttledProgress(listener: ProgressListener | undefined, total: number, every = 250): (done: number) => void {
  if (!listener || total === 0) return () => {};
  listener(0, total);
  let told = 0;
  return (done) => {
    if (done !== total && done - told < every) return;
    told = done;
    listener(done, total);
  };
}
