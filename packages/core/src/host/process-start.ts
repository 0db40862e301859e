import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Linux reports process start times in USER_HZ ticks, which is 100 a second on every architecture Node runs on. */
const USER_HZ = 100;
/** Where Linux shows processes. */
export const PROC_ROOT = '/proc';

const bootTimes = new Map<string, number | null>();

/** When this machine booted, in ms since the epoch (`btime` of <proc>/stat), or null where there is no /proc. */
function bootTimeMs(proc: string): number | null {
  let boot = bootTimes.get(proc);
  if (boot === undefined) {
    try {
      const btime = /^btime (\d+)$/m.exec(readFileSync(path.join(proc, 'stat'), 'utf8'))?.[1];
      boot = btime === undefined ? null : Number(btime) * 1000;
    } catch {
      boot = null;
    }
    bootTimes.set(proc, boot);
  }
  return boot;
}

/**
 * When the process with this pid started, in ms since the epoch, from field 22 (`starttime`) of
 * /proc/<pid>/stat plus the boot time; null where /proc cannot tell (not Linux, no such process).
 */
export function processStartMs(pid: number, proc = PROC_ROOT): number | null {
  const boot = bootTimeMs(proc);
  if (boot === null || !Number.isSafeInteger(pid) || pid <= 0) return null;
  let stat: string;
  try {
    stat = readFileSync(path.join(proc, String(pid), 'stat'), 'utf8');
  } catch {
    return null;
  }
  // Field 2, the command name, is in parentheses and may itself hold spaces and ')': count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[22 - 3]);
  return Number.isSafeInteger(ticks) ? boot + (ticks * 1000) / USER_HZ : null;
}
