import { Flags } from '@oclif/core';
import { escapeTerminal, formatInteger } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { workspaceFlag } from '../../base/flags.js';
import { progressListener } from '../../output/progress.js';
import { Warehouse } from '../../warehouse/client.js';
import { pushSessions, type PushResult } from '../../warehouse/push.js';
import { gitEmail, resolveTarget, warehouseSettings } from '../../warehouse/settings.js';

/** `rad stats push`: send this workspace's sessions to the team warehouse (ClickHouse). */
export default class StatsPush extends RadCommand {
  static override summary = "Send this workspace's sessions to the team warehouse (ClickHouse).";
  static override description =
    'Sends every session new or changed since the last push, stamped with the team, developer and machine of `warehouse` in the config ' +
    '(.radium/stats.config.json or ~/.config/radium/stats.config.json). The database and tables are made when missing. ' +
    'RADIUM_WAREHOUSE_URL overrides the URL; the password comes from RADIUM_WAREHOUSE_PASSWORD or the URL, and is never printed. ' +
    'Pushing again sends nothing new; a push that fails is completed by the next one, counting nothing twice.';
  static override examples = [
    { description: 'Push to the configured warehouse', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'To a warehouse named here', command: 'RADIUM_WAREHOUSE_URL=https://ch.example.com:8443 RADIUM_WAREHOUSE_PASSWORD=… <%= config.bin %> <%= command.id %>' },
    { description: 'What was sent, for scripts', command: '<%= config.bin %> <%= command.id %> --json' },
  ];
  static override flags = {
    'batch-size': Flags.integer({ description: 'Sessions sent per round of inserts.', min: 1, max: 100_000, default: 500, helpValue: 'N' }),
    workspace: workspaceFlag,
  };

  async run(): Promise<PushResult> {
    const { flags } = await this.parse(StatsPush);
    const host = await this.openHost(flags.workspace);
    const settings = warehouseSettings(host.config, process.env, this.warnings.warn);
    const target = await resolveTarget(settings, process.env, () => gitEmail(host.services.git()));
    const warehouse = await Warehouse.connect(target);
    let result: PushResult;
    try {
      const store = await host.catalog.store();
      result = await pushSessions(store, warehouse, {
        warn: this.warnings.warn,
        progress: progressListener('Pushing sessions', !this.jsonEnabled()),
        batch: flags['batch-size'],
      });
    } finally {
      await warehouse.close();
    }
    if (!this.jsonEnabled()) {
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      this.print(
        result.sessions === 0
          ? `Nothing new to push to ${escapeTerminal(target.display)}.`
          : `Pushed ${formatInteger(result.sessions)} session${result.sessions === 1 ? '' : 's'} (${formatInteger(rows)} rows) to ${escapeTerminal(target.display)} as ${escapeTerminal(target.developer)} on ${escapeTerminal(target.machine)}.`,
      );
    }
    return result;
  }
}
