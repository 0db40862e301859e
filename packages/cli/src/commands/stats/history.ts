import { Flags } from '@oclif/core';
import { UsageError, formatInteger, type Host, type SessionPage, type StoreFilter } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { describeFilters, filterFlags, noMatch } from '../../filters/filter-flags.js';
import { workspaceFlag, noImportFlag } from '../../base/flags.js';
import { renderBlocks } from '../../output/render-blocks.js';
import type { HistoryJson } from '../../output/schemas.js';
import { historyTable, statusLegend } from '../../views/history-table.js';
import { NO_HISTORY, noSessionsError } from '../../views/select-session.js';
import { openTeamView, teamFlags } from '../../base/team-view.js';
import { teamTypeableIds } from '../../warehouse/team-ids.js';

/** Most sessions one page may show (the spec's maximum). */
export const MAX_LIMIT = 100;

/** `rad stats history`: one row per session, newest first. */
export default class StatsHistory extends RadCommand {
  static override summary = 'List recent sessions, newest first: id to type, start, agent, duration, tool calls, success rate and cost.';
  static override description =
    `Shows --limit sessions (default 10, at most ${MAX_LIMIT}) starting at --offset; only that page is loaded. ` +
    'With --json: { total, offset, limit, sessions } (schema: schema/history.schema.json).';
  static override examples = [
    { description: 'The last 10 sessions', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'The last 20 sessions (at most 100)', command: '<%= config.bin %> <%= command.id %> --limit 20' },
    { description: 'The next page', command: '<%= config.bin %> <%= command.id %> --limit 20 --offset 20' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];
  static override flags = {
    limit: Flags.integer({ description: `Sessions to show (1-${MAX_LIMIT}).`, default: 10 }),
    offset: Flags.integer({ description: 'Newest sessions to skip, for paging.', default: 0 }),
    ...filterFlags,
    workspace: workspaceFlag,
    'no-import': noImportFlag,
    ...teamFlags,
  };

  async run(): Promise<HistoryJson> {
    const { flags } = await this.parse(StatsHistory);
    if (flags.limit > MAX_LIMIT) throw new UsageError(`--limit can be at most ${MAX_LIMIT} (got ${flags.limit}): use --offset to page through more sessions.`);
    if (flags.limit < 1) throw new UsageError(`--limit must be at least 1 (got ${flags.limit}).`);
    if (flags.offset < 0) throw new UsageError(`--offset must be 0 or more (got ${flags.offset}).`);
    // Starts are shown in local time: the zone is always needed.
    const { filter, applied, timeZone } = await this.parseFilter(flags, true);
    const { host, page, typeable, teamApplied } = await this.loadPage(flags, filter);
    applied.push(...teamApplied);
    if (page.total === 0 && applied.length === 0) throw noSessionsError(host, NO_HISTORY);
    if (page.total === 0) this.print(noMatch(applied));
    else if (!this.jsonEnabled()) {
      const first = flags.offset + 1;
      const last = flags.offset + page.items.length;
      const footer =
        page.items.length === 0
          ? `No sessions at offset ${formatInteger(flags.offset)}: the workspace has ${formatInteger(page.total)}.`
          : `Sessions ${formatInteger(first)}-${formatInteger(last)} of ${formatInteger(page.total)}` +
            (last < page.total ? ` (next page: --offset ${last}).` : '.');
      const names = { ids: await typeable(page.items.map((s) => s.sessionId)), zone: timeZone };
      const legend = statusLegend(page.items);
      const table = page.items.length > 0 ? `${renderBlocks([historyTable(page.items, host.plugins, names, host.warnings.warn)], this.style, this.warnings.warn, this.width)}\n\n${legend ? `${legend}\n` : ''}` : '';
      const heading = describeFilters(applied);
      this.print(`${heading ? `${heading}\n\n` : ''}${table}${footer}`);
    }
    return { total: page.total, offset: flags.offset, limit: flags.limit, sessions: page.items };
  }

  /** The page from this workspace's store, or with --warehouse from the team warehouse (no local store opened), ids shortened over the sessions of its scope. */
  private async loadPage(
    flags: { offset: number; limit: number; warehouse: boolean; developer?: string | undefined; machine?: string | undefined; workspace?: string | undefined; 'no-import': boolean },
    filter: StoreFilter,
  ): Promise<{ host: Host; page: SessionPage; typeable: (ids: string[]) => Promise<Map<string, string>>; teamApplied: string[] }> {
    if (!flags.warehouse) {
      const host = await this.openViewHost(flags);
      return { host, page: await host.catalog.page(flags.offset, flags.limit, filter), typeable: (ids) => host.catalog.typeableIds(ids), teamApplied: [] };
    }
    const host = await this.openHost(flags.workspace);
    const team = await openTeamView(host, flags);
    try {
      const page = await team.source.page(filter, flags.offset, flags.limit, this.warnings.warn);
      // Shortened now, while connected; JSON shows whole ids.
      const short = this.jsonEnabled() ? new Map<string, string>() : await teamTypeableIds(team.warehouse, team.scope, page.items.map((s) => s.sessionId));
      return { host, page: { total: page.total, items: page.items }, typeable: async (ids) => new Map(ids.map((id) => [id, short.get(id) ?? id])), teamApplied: team.applied };
    } finally {
      await team.warehouse.close();
    }
  }
}

