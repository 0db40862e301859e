import { NoSessionsError, type Host, type SessionReport } from '@radium-stats/core';

/** The spec's words when a workspace holds no session (session, model, engine, export). */
export const NO_SESSIONS = 'No sessions found';
/** The spec's words when `rad stats history` has nothing to list. */
export const NO_HISTORY = 'No session history found';

/** The spec's error words followed by where rad looked and what to do. */
export function noSessionsError(host: Host, words: string = NO_SESSIONS): NoSessionsError {
  return new NoSessionsError(`${words} in ${host.paths.sessionsDir}: sessions appear once an agent records one (see \`rad session start --help\`).`);
}

/** Loads the session with this id, or the most recent one (a live one included) when no id is given. */
export async function selectSession(host: Host, sessionId: string | undefined): Promise<SessionReport> {
  const id = sessionId !== undefined ? await host.catalog.resolveId(sessionId) : await host.catalog.latestId();
  if (id === undefined) throw noSessionsError(host);
  return (await host.store.load(id)).report;
}
