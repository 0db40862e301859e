type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Run statuses of a finished tool call; others (`in-progress`, `blocked-on-user`, ...) are not finished. */
const FINISHED = new Set(['done', 'error', 'cancelled', 'rejected-by-user']);

/** How a finished tool call ended. */
export interface ToolOutcome {
  success: boolean;
  error?: string;
  decision?: 'reject';
}

const firstLine = (text: string): string | undefined => text.trim().split('\n')[0]?.trim().slice(0, 200) || undefined;

function errorText(error: unknown): string | undefined {
  if (typeof error === 'string') return firstLine(error);
  if (isObject(error)) return str(error.message) ? firstLine(error.message as string) : undefined;
  return undefined;
}

/**
 * Reads a `tool_result` block's `run`: `done` is a success unless its result has a non-zero
 * `exitCode` (a shell command that failed); `error`, `cancelled` and `rejected-by-user` are
 * failures (a refusal is recorded as `decision: reject`). Undefined while the run is not finished.
 */
export function runOutcome(run: unknown): ToolOutcome | undefined {
  if (!isObject(run)) return undefined;
  const status = str(run.status);
  if (!status || !FINISHED.has(status)) return undefined;
  if (status === 'done') {
    const code = isObject(run.result) ? run.result.exitCode : undefined;
    return typeof code === 'number' && code !== 0 ? { success: false, error: `exit code ${code}` } : { success: true };
  }
  if (status === 'rejected-by-user') return { success: false, error: 'rejected by user', decision: 'reject' };
  if (status === 'cancelled') return { success: false, error: 'cancelled' };
  return { success: false, ...(errorText(run.error) ? { error: errorText(run.error)! } : {}) };
}

/** Lines an edit changed in one file. */
export interface EditLines {
  path: string;
  added: number;
  removed: number;
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * Lines changed by a successful `edit_file` (`path`, `old_str`, `new_str`: the lines that differ
 * once the lines both share at the start and end are set aside) or `create_file` (`path`,
 * `content`: every line added). Other tools change no counted lines.
 */
export function editLines(name: string, input: unknown): EditLines | undefined {
  if (!isObject(input)) return undefined;
  const file = str(input.path);
  if (!file) return undefined;
  if (name === 'create_file' && typeof input.content === 'string') {
    const added = lines(input.content).length;
    return added > 0 ? { path: file, added, removed: 0 } : undefined;
  }
  if (name !== 'edit_file' || typeof input.old_str !== 'string' || typeof input.new_str !== 'string') return undefined;
  const before = lines(input.old_str);
  const after = lines(input.new_str);
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail += 1;
  const removed = before.length - head - tail;
  const added = after.length - head - tail;
  return added + removed > 0 ? { path: file, added, removed } : undefined;
}
