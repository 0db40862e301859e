import { Command, Errors, toConfiguredId, ux, type Interfaces } from '@oclif/core';
import { RadiumError, Warnings, escapeTerminal, resolveImporters, toSafeJson, type Host } from '@radium-stats/core';
import { parseFilterFlags, type FilterFlagValues, type ParsedFilter } from '../filters/filter-flags.js';
import { autoImport, autoImportOff } from '../host/auto-import.js';
import { IMPORTERS_HOOK, runPluginHook } from '../host/discover.js';
import { openHost } from '../host/open-host.js';
import { progressListener } from '../output/progress.js';
import { outputStyle, type OutputStyle } from '../output/style.js';
import { terminalWidth } from '../output/terminal-width.js';
import { usageErrorFromParse } from '../usage/parse-error.js';

/** Parsed flags or arguments by name, as oclif types them (its own alias is not exported). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ParsedValues = { [name: string]: any };

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

  /** Builds the host over the workspace (`--workspace` or found from the current folder); a long index rebuild or re-pricing shows a bar on a TTY. */
  protected async openHost(workspace: string | undefined): Promise<Host> {
    // stderr only, so stdout (scripts, goldens) reads the same whichever workspace answered.
    const onGlobal = (root: string) => {
      if (!this.jsonEnabled()) process.stderr.write(`Using the global workspace ${escapeTerminal(root)} (no .radium above ${escapeTerminal(process.cwd())}).\n`);
    };
    const host = await openHost(this.config, { workspace, warnings: this.warnings, onGlobal });
    host.catalog.setProgress(progressListener('Indexing sessions', !this.jsonEnabled()));
    host.catalog.setRepricingProgress(progressListener('Re-pricing sessions', !this.jsonEnabled()));
    return host;
  }

  /**
   * The host of a `rad stats` view: like `openHost`, after importing new logs of the agents config
   * lists under `import.auto` unless `--no-import` or RADIUM_NO_AUTO_IMPORT says not to.
   */
  protected async openViewHost(flags: { workspace?: string | undefined; 'no-import'?: boolean | undefined }): Promise<Host> {
    const host = await this.openHost(flags.workspace);
    if (!flags['no-import'] && !autoImportOff(process.env)) await autoImport(host, { config: this.config, env: process.env, quiet: this.jsonEnabled() });
    return host;
  }

  /** The store filter of the filter flags (see filters/filter-flags.ts); --source is checked against live, legacy and the installed importers. */
  protected async parseFilter(flags: FilterFlagValues, zoned = false): Promise<ParsedFilter> {
    const sources = async () => ['live', 'legacy', ...resolveImporters(await runPluginHook(this.config, IMPORTERS_HOOK, this.warnings.warn), this.warnings.warn).map((i) => i.id)];
    return parseFilterFlags(flags, sources, process.cwd(), zoned);
  }

  /** How human output may be styled on stdout (bold only on a TTY without NO_COLOR). */
  protected get style(): OutputStyle {
    return outputStyle(process.stdout, process.env);
  }

  /** Columns human output may use on stdout (see terminalWidth); undefined: no limit. */
  protected get width(): number | undefined {
    return terminalWidth(process.stdout, process.env);
  }

  /** oclif's parse, with its usage errors (unknown flag, bad value, missing argument) turned into rad's one-line UsageError. */
  protected override async parse<F extends ParsedValues, B extends ParsedValues, A extends ParsedValues>(
    options?: Interfaces.Input<F, B, A>,
    argv?: string[],
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    try {
      return await super.parse(options, argv);
    } catch (error) {
      if (!(error instanceof Error) || error instanceof RadiumError) throw error;
      const ctor = options ?? (this.ctor as unknown as Interfaces.Input<F, B, A>);
      const flagNames = [...Object.keys(ctor.flags ?? {}), ...Object.keys(ctor.baseFlags ?? {}), ...(ctor.enableJsonFlag ? ['json'] : [])];
      throw usageErrorFromParse(error, { command: `${this.config.bin} ${toConfiguredId(this.id ?? '', this.config)}`, flagNames });
    }
  }

  /** Prints human output unless `--json` is on. */
  protected print(text: string): void {
    if (text !== '') this.log(text);
  }

  /** Prints `--json` output (results and errors) with DEL, C1 controls and bidi/invisible characters as `\u` escapes, which oclif's JSON.stringify leaves raw. */
  override logJson(json: unknown): void {
    const text = toSafeJson(json, 2);
    const theme = this.config.theme?.json;
    ux.stdout(theme ? ux.colorizeJson(text, { pretty: false, theme }) : text);
  }

  override async catch(error: Error & { oclif?: { exit?: number } }): Promise<unknown> {
    // `this.exit()` travels as an error too; it is not a failure to report.
    if (error instanceof Errors.ExitError) throw error;
    const exitCode = error instanceof RadiumError ? error.exitCode : (error.oclif?.exit ?? 1);
    if (this.jsonEnabled()) {
      // oclif's own JSON error embeds the whole parse context (config included); scripts get the documented shape instead.
      const json: ErrorJson = { error: { name: error.name, message: error.message, exitCode } };
      this.logJson(json);
      this.exit(exitCode);
    }
    if (error instanceof RadiumError) {
      process.stderr.write(`Error: ${escapeTerminal(error.message)}\n`);
      this.exit(exitCode);
    }
    return super.catch(error);
  }
}
