import { factBucket, type Collector, type FinishInfo, type SessionEvent } from '@radium-stats/core';
import { timingFacts } from './fact-rows.js';
import { unionLength, type Interval } from './intervals.js';
import { known, sumOfParts, timedSum, unknown } from './measured.js';
import { API_NOT_RECORDED, BUSY_NOT_RECORDED, TOOL_NOT_RECORDED, type MeasuredDuration, type TimingSection } from './section.js';
import { epochMs } from './time.js';

interface Tally {
  timed: number;
  untimed: number;
  sumMs: number;
}

function wallTime(startMs: number, endMs: number): MeasuredDuration {
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return unknown('session start or end time unreadable');
  return endMs >= startMs ? known(endMs - startMs) : unknown('session ends before it starts');
}

/** Folds API and tool durations into sums and the intervals they cover; the wall clock comes from `finish`, and so does the session's fact row. */
export function createTimingCollector(): Collector<TimingSection> {
  const api: Tally = { timed: 0, untimed: 0, sumMs: 0 };
  const tool: Tally = { timed: 0, untimed: 0, sumMs: 0 };
  // Each timed event covers [ts - durationMs, ts]: `ts` is when the work completed.
  const intervals: Interval[] = [];
  let finished: { section: TimingSection; startTime: string } | undefined;
  function tally(into: Tally, event: SessionEvent): void {
    const duration = (event as { durationMs?: number }).durationMs;
    if (duration === undefined) {
      into.untimed += 1;
      return;
    }
    into.timed += 1;
    into.sumMs += duration;
    const end = epochMs(event.ts);
    intervals.push([end - duration, end]);
  }
  return {
    add(event) {
      if (event.type === 'api.response' || event.type === 'api.error') tally(api, event);
      else if (event.type === 'tool.call') tally(tool, event);
    },
    finish(info: FinishInfo): TimingSection {
      const startMs = epochMs(info.startTime);
      const endMs = epochMs(info.endTime ?? info.now);
      const wall = wallTime(startMs, endMs);
      const apiTime = timedSum(api.timed, api.untimed, api.sumMs, API_NOT_RECORDED);
      const toolTime = timedSum(tool.timed, tool.untimed, tool.sumMs, TOOL_NOT_RECORDED);
      let busyTime: MeasuredDuration;
      if (wall.ms === null) busyTime = unknown(wall.reason ?? 'wall time not known');
      else if (intervals.length === 0 && api.untimed + tool.untimed > 0) busyTime = unknown(BUSY_NOT_RECORDED);
      else busyTime = known(unionLength(intervals, startMs, endMs));
      const section: TimingSection = {
        sessions: 1,
        liveSessions: info.status === 'live' ? 1 : 0,
        wallTime: wall,
        apiTime,
        toolTime,
        agentActive: sumOfParts(apiTime, toolTime),
        busyTime,
      };
      finished = { section, startTime: info.startTime };
      return section;
    },
    facts() {
      if (!finished) throw new Error('facts() called before finish()');
      // The bucket of the start: known for every session, and fixed while a live session's wall time grows.
      return timingFacts(finished.section, factBucket(finished.startTime));
    },
  };
}
