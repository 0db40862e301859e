import { TYPEABLE_ID_CHARS } from '@radium-stats/core';
import type { WarehouseExecutor } from './executor.js';
import { sqlString, sqlTable } from './sql.js';
import type { TeamScope } from './team-sql.js';

/** A session of the warehouse as its ids are compared. */
interface IdRow {
  developer: string;
  machine: string;
  session_id: string;
  agent_session_id: string | null;
}

/** How many leading characters two strings share. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const ownerOf = (r: IdRow) => JSON.stringify([r.developer, r.machine, r.session_id]);

/**
 * For each of `ids` (session ids on a page of the scope), the shortest start of its name (the agent's
 * own id for an imported session, else the id; at least TYPEABLE_ID_CHARS characters) that no other
 * session of the scope's developer and machine starts its id or agent's id with: what the local
 * history shows, over the sessions the warehouse holds. The whole id when another session has that
 * very name. Only sessions sharing the first characters are read.
 */
export async function teamTypeableIds(warehouse: WarehouseExecutor, scope: TeamScope, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map(ids.map((id) => [id, id]));
  if (ids.length === 0) return out;
  const table = sqlTable(warehouse.target.database, 'sessions');
  const stamps = [
    ...(scope.developer !== undefined ? [`developer = ${sqlString(scope.developer)}`] : []),
    ...(scope.machine !== undefined ? [`machine = ${sqlString(scope.machine)}`] : []),
  ];
  const columns = 'developer, machine, session_id, agent_session_id';
  const pageRows = await warehouse.rows<IdRow>(`SELECT DISTINCT ${columns} FROM ${table} WHERE ${[...stamps, `session_id IN (${ids.map(sqlString).join(', ')})`].join(' AND ')}`);
  const names = new Map<string, string[]>();
  for (const row of pageRows) (names.get(row.session_id) ?? names.set(row.session_id, []).get(row.session_id)!).push(row.agent_session_id ?? row.session_id);
  const starts = [...new Set([...names.values()].flat().map((name) => name.slice(0, TYPEABLE_ID_CHARS)))];
  const near = starts.flatMap((start) => [`startsWith(session_id, ${sqlString(start)})`, `startsWith(ifNull(agent_session_id, ''), ${sqlString(start)})`]);
  const neighbours = await warehouse.rows<IdRow>(`SELECT DISTINCT ${columns} FROM ${table} WHERE ${[...stamps, `(${near.join(' OR ')})`].join(' AND ')}`);
  for (const row of pageRows) {
    const name = row.agent_session_id ?? row.session_id;
    const others = neighbours.filter((n) => ownerOf(n) !== ownerOf(row));
    // The same id from two owners, or an agent's id equal to another session's: only the whole name is sure.
    const whole = (names.get(row.session_id)?.length ?? 0) > 1 || others.some((n) => n.session_id === name || n.agent_session_id === name);
    const shared = Math.max(0, ...others.flatMap((n) => [sharedStart(name, n.session_id), sharedStart(name, n.agent_session_id ?? '')]));
    out.set(row.session_id, whole ? row.session_id : name.slice(0, Math.max(TYPEABLE_ID_CHARS, shared + 1)));
  }
  return out;
}
