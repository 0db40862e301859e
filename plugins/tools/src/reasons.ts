/** Why a merged value is null when the merged sessions gave different reasons (or none). */
export const NOT_RECORDED_ANYWHERE = 'not recorded for any of the merged sessions';

/** The reason to keep when several merged values are all unknown: theirs when they agree, else a general one. */
export function commonReason(reasons: (string | null)[], fallback: string): string {
  const distinct = [...new Set(reasons.filter((r): r is string => r !== null))];
  return distinct.length === 1 ? distinct[0]! : fallback;
}
