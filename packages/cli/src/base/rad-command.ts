import { Command } from '@oclif/core';
import { RadiumError, Warnings, escapeTerminal, type Host } from '@radium-stats/core';
import { openHost } from '../host/open-host.js';
import { outputStyle, type OutputStyle } from '../output/style.js';

/** Error JSON printed on stdout under `--json` (schema: schema/error.schema.json). */
export interface ErrorJson {
  error: { name: string; message: string; exitCode: number };
}

/**
 * Base of every `rad` command: `--json` through oclif, one warnings sink, and named errors printed
 * as one line (`Error: …`) with their exit code instead of a stack.
 */
export abstract class RadCommand extends Command {
  static override enableJsonFlag = true;

  /** Warnings of this run: stderr, each distinct message once. */
  protected readonly warnings = new Warnings();

  /** Builds the host over the workspace (`--workspace` or found from the current folder). */
  protected openHost(workspace: string | undefined): Promise<Host> {
    return openHost(this.config, { workspace, warnings: this.warnings });
  }

  /** How human output may be styled on stdout (bold only on a TTY without NO_COLOR). */
  protected get style(): OutputStyle {
    return outputStyle(process.stdout, process.env);
  }

  /** Prints human output unless `--json` is on. */
  protected print(text: string): void {
    if (text !== '') this.log(text);
  }

  override async catch(error: Error & { oclif?: { exit?: number } }): Promise<unknown> {
    if (error instanceof RadiumError) {
      if (this.jsonEnabled()) {
        const json: ErrorJson = { error: { name: error.name, message: error.message, exitCode: error.exitCode } };
        this.logJson(json);
      } else {
        process.stderr.write(`Error: ${escapeTerminal(error.message)}\n`);
      }
      this.exit(error.exitCode);
    }
    // oclif's JSON error path reads `exitCode`, which its own errors lack; keep their real code.
    if (process.exitCode === undefined && typeof error.oclif?.exit === 'number') process.exitCode = error.oclif.exit;
    return super.catch(error);
  }
}
