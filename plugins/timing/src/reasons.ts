/** Why a merged duration is null when its sessions gave different reasons. */
export const NOT_KNOWN_ANYWHERE = 'not known for any of the merged sessions';

/** The reason of durations unknown in every merged session: theirs when they agree, else a general one. */
export function commonReason(reasons: (string | null)[]): string {
  const distinct = [...new Set(reasons.filter((r): r is string => r !== null))];
  return distinct.length === 1 ? distinct[0]! : NOT_KNOWN_ANYWHERE;
}
