import { Args } from '@oclif/core';
import { InvalidEventError, UsageError, parseEventLine } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { sessionIdFlag, workspaceFlag } from '../../base/flags.js';
import type { SessionRecordJson } from '../../output/schemas.js';
import { latestLiveSessionId } from '../../views/live-session.js';

/** Reads all of stdin as text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `rad session record`: append events to a running session. */
export default class SessionRecord extends RadCommand {
  static override summary = 'Append an event (or JSON lines from stdin) to a running session.';
  static override description =
    'Events follow the event protocol (schema: packages/core/schema/event.schema.json); `ts` defaults to now. ' +
    'Every event is checked before any is written, so a bad one fails the whole call with a one-line message and a non-zero exit.';
  static override examples = [
    {
      description: 'A tool call',
      command: `<%= config.bin %> <%= command.id %> --session-id "$SESSION" '{"type":"tool.call","name":"read_file","success":true,"durationMs":12}'`,
    },
    {
      description: 'A model response',
      command: `<%= config.bin %> <%= command.id %> --session-id "$SESSION" '{"type":"api.response","model":"gemini-2.5-pro","engine":"gemini","durationMs":2300,"tokens":{"input":1200,"output":80}}'`,
    },
    { description: 'Many events, one JSON object a line', command: '<%= config.bin %> <%= command.id %> --session-id "$SESSION" < events.jsonl' },
  ];
  static override args = {
    event: Args.string({ description: 'The event as JSON; omit it to read JSON lines from stdin.', ignoreStdin: true }),
  };
  static override flags = {
    'session-id': sessionIdFlag('Session to append to; default: the latest live session.'),
    workspace: workspaceFlag,
  };

  async run(): Promise<SessionRecordJson> {
    const { args, flags } = await this.parse(SessionRecord);
    if (args.event === undefined && process.stdin.isTTY) throw new UsageError('Give the event as an argument, or pipe JSON lines into stdin.');
    const text = args.event ?? (await readStdin());
    const lines = args.event === undefined ? text.split('\n').map((line, i) => ({ line, number: i + 1 })).filter((l) => l.line.trim() !== '') : [{ line: text, number: 0 }];
    if (lines.length === 0) throw new UsageError('No events on stdin: pipe one JSON object a line.');
    const now = new Date().toISOString();
    const events = lines.map(({ line, number }) => {
      try {
        const raw = JSON.parse(line) as unknown;
        const withTs = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('ts' in raw) ? { ...raw, ts: now } : raw;
        const event = parseEventLine(JSON.stringify(withTs), (field) =>
          this.warnings.warn(`A ${String((raw as { type?: unknown }).type)} ${field} is longer than events may store: it was stored cut to its start and full length (\`…(N chars)\`); see the event table in the README for the limits.`),
        );
        if (event.type === 'session.start' || event.type === 'session.end') {
          throw new InvalidEventError(`${event.type} is written by \`rad session start\` and \`rad session end\`, not recorded`);
        }
        return event;
      } catch (error) {
        const where = number > 0 ? `line ${number}: ` : '';
        if (error instanceof InvalidEventError && where === '') throw error;
        if (error instanceof SyntaxError) throw new InvalidEventError(`${where}not valid JSON (${error.message})`);
        throw new InvalidEventError(`${where}${(error as Error).message}`);
      }
    });
    const host = await this.openHost(flags.workspace);
    const id = flags['session-id'] ?? (await latestLiveSessionId(host));
    const recorder = await host.recorders.resume(id);
    for (const event of events) recorder.record(event);
    return { sessionId: id, recorded: events.length };
  }
}
