/**
 * Named errors of the CLI layer. Like core's, every message is one line that says what to do;
 * the base command prints it as `Error: …` and exits with `exitCode`.
 */
import { RadiumError, UsageError } from '@radium-stats/core';

/** No active plugin provides a named view (`model`, `engine`). */
export class ViewUnavailableError extends RadiumError {
  override name = 'ViewUnavailableError';
  constructor(view: string) {
    const provider = ['model', 'engine', 'daily', 'weekly', 'monthly'].includes(view) ? 'the tokens plugin' : 'the plugin that provides it';
    super(
      `No active plugin provides the "${view}" view: check that ${provider} is installed (\`rad plugins\`) and not switched off in .radium/stats.config.json or RADIUM_STATS_DISABLE.`,
    );
  }
}

/** A session has no section of the plugin a view needs. */
export class SectionMissingError extends RadiumError {
  override name = 'SectionMissingError';
  constructor(sessionId: string, pluginId: string) {
    super(`Session ${sessionId} has no ${pluginId} section (it was not measured for that session): pick another with \`rad stats history\`.`);
  }
}

/** `rad stats export --output FILE` where FILE already exists and `--force` was not given. */
export class OutputExistsError extends RadiumError {
  override name = 'OutputExistsError';
  constructor(file: string) {
    super(`${file} already exists: pass --force to overwrite it, or choose another --output file.`);
  }
}

/** `rad stats export --output X` where X is something a file must not replace (a directory, socket, dangling link, …). */
export class OutputTypeError extends RadiumError {
  override name = 'OutputTypeError';
  constructor(file: string, what: string) {
    super(`${file} is ${what}: --output must name a regular file, a FIFO or a character device such as /dev/stdout; choose another --output.`);
  }
}

/** `rad session end` or `record` without `--session-id` when no session is live. */
export class NoLiveSessionError extends RadiumError {
  override name = 'NoLiveSessionError';
  constructor() {
    super('No live session found: pass --session-id (see `rad stats history`), or start one with `rad session start`.');
  }
}

/** A view that redraws in place (`--watch`) run where stdin or stdout is not a terminal: a usage error, as a wrong flag is. */
export class NotATerminalError extends UsageError {
  override name = 'NotATerminalError';
  constructor(flag: string) {
    super(`${flag} redraws in place and reads keys, so it needs a terminal (stdin or stdout is not a TTY): run it in a terminal, or leave out ${flag}.`);
  }
}

/** `rad stats export --format otlp` with no receiver set, or one that is not an http(s) URL: a usage error, as a wrong flag is. */
export class OtlpEndpointError extends UsageError {
  override name = 'OtlpEndpointError';
  constructor(problem: string) {
    super(`${problem}: pass --endpoint URL (the receiver's base URL, e.g. http://localhost:4318) or set OTEL_EXPORTER_OTLP_ENDPOINT.`);
  }
}

/** The OTLP receiver could not be reached or refused the spans; `endpoint` is shown without credentials. */
export class OtlpExportError extends RadiumError {
  override name = 'OtlpExportError';
  constructor(endpoint: string, reason: string, sent: number, total: number) {
    super(
      `Could not send spans to ${endpoint}: ${reason} (${sent} of ${total} session${total === 1 ? '' : 's'} sent before that): check that an OTLP/HTTP receiver runs there and accepts these headers, then export again.`,
    );
  }
}
