import path from 'node:path';

/** What rad uses of Claude Code's status line JSON; anything missing or of the wrong type is left out. */
export interface StatusInput {
  /** Claude Code's session id (the transcript's `sessionId`). */
  sessionId?: string;
  /** `model.display_name`, else `model.id`: untrusted text. */
  model?: string;
  /** Absolute folders to look for the workspace from: `workspace.current_dir`, `workspace.project_dir`, `cwd`. */
  dirs: string[];
  /** Claude Code's own estimate of the session's cost at list price (`cost.total_cost_usd`). */
  costUsd?: number;
  /** Percentage of the five-hour limit used (`rate_limits.five_hour.used_percentage`). */
  fiveHourPercent?: number;
  /** Percentage of the seven-day limit used. */
  sevenDayPercent?: number;
}

type Json = Record<string, unknown>;

const objectAt = (value: unknown, key: string): Json | undefined => {
  const field = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json)[key] : undefined;
  return field !== null && typeof field === 'object' && !Array.isArray(field) ? (field as Json) : undefined;
};
const stringAt = (value: Json | undefined, key: string): string | undefined => {
  const field = value?.[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
};
const amountAt = (value: Json | undefined, key: string): number | undefined => {
  const field = value?.[key];
  return typeof field === 'number' && Number.isFinite(field) && field >= 0 ? field : undefined;
};

/** Reads Claude Code's status line JSON leniently: text that is not a JSON object gives an input with nothing in it. */
export function parseStatusInput(text: string): StatusInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { dirs: [] };
  }
  const root = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Json) : {};
  const model = objectAt(root, 'model');
  const workspace = objectAt(root, 'workspace');
  const limits = objectAt(root, 'rate_limits');
  const dirs = [stringAt(workspace, 'current_dir'), stringAt(workspace, 'project_dir'), stringAt(root, 'cwd')].filter(
    (dir): dir is string => dir !== undefined && path.isAbsolute(dir) && !dir.includes('\0'),
  );
  const input: StatusInput = { dirs: [...new Set(dirs)] };
  const sessionId = stringAt(root, 'session_id');
  if (sessionId !== undefined) input.sessionId = sessionId;
  const name = stringAt(model, 'display_name') ?? stringAt(model, 'id');
  if (name !== undefined) input.model = name;
  const cost = amountAt(objectAt(root, 'cost'), 'total_cost_usd');
  if (cost !== undefined) input.costUsd = cost;
  const fiveHour = amountAt(objectAt(limits, 'five_hour'), 'used_percentage');
  if (fiveHour !== undefined) input.fiveHourPercent = fiveHour;
  const sevenDay = amountAt(objectAt(limits, 'seven_day'), 'used_percentage');
  if (sevenDay !== undefined) input.sevenDayPercent = sevenDay;
  return input;
}
