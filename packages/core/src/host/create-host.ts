import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { isPluginEnabled, loadConfig, pluginOptions } from '../config/load.js';
import type { StatsConfig } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import type { AnyMetricPlugin, HostServices } from '../plugin/contract.js';
import type { ActivePlugin } from '../report/fold.js';
import { WorkspacePaths } from '../store/paths.js';
import { ReportStore } from '../store/report-store.js';
import { SessionCatalog } from '../store/catalog.js';
import { Recorders } from '../recorder/recorder.js';
import { createHostServices } from './services.js';
import { SessionFolder } from './session-folder.js';
import { TOKENS, type Clock } from './tokens.js';
import { Warnings } from './warnings.js';

/** What a run of the tool needs to know to build its host. */
export interface HostOptions {
  /** Absolute workspace root. */
  workspace: string;
  /** Validated metric plugins, in display order (disabled ones are dropped here). */
  plugins: readonly AnyMetricPlugin[];
  /** Environment to read config from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Warnings sink; defaults to stderr. */
  warnings?: Warnings;
  /** Clock; defaults to the system clock. */
  clock?: Clock;
}

/** The composed host of one run: the container and the objects commands use. */
export interface Host {
  container: DependencyContainer;
  paths: WorkspacePaths;
  config: StatsConfig;
  /** Plugins switched on, with their options. */
  plugins: ActivePlugin[];
  services: HostServices;
  warnings: Warnings;
  store: ReportStore;
  folder: SessionFolder;
  recorders: Recorders;
  catalog: SessionCatalog;
}

function checkOptions(plugin: AnyMetricPlugin, options: Record<string, unknown>): Record<string, unknown> {
  if (!plugin.options) return options;
  const result = plugin.options.safeParse(options);
  if (result.success) return result.data as Record<string, unknown>;
  const issue = (result.error as { issues?: { path?: PropertyKey[]; message: string }[] }).issues?.[0];
  const key = ['collectors', plugin.id, 'options', ...(issue?.path ?? []).map(String)].join('.');
  throw new ConfigError(`Config: bad value at \`${key}\` (${issue?.message ?? result.error.message}): fix or remove that key.`);
}

/** Loads config, switches plugins on or off, and registers everything in a fresh child container. */
export function createHost(options: HostOptions): Host {
  const env = options.env ?? process.env;
  const warnings = options.warnings ?? new Warnings();
  const paths = new WorkspacePaths(options.workspace);
  const config = loadConfig(paths.configFile, env, (message) => warnings.warn(message));
  const known = new Set(options.plugins.map((p) => p.id));
  for (const id of Object.keys(config.collectors)) {
    if (!known.has(id)) warnings.warn(`Config names collector ${JSON.stringify(id)}, which no installed plugin provides; check the id with \`rad plugins\`.`);
  }
  const active: ActivePlugin[] = options.plugins
    .filter((p) => isPluginEnabled(config, p.id))
    .map((plugin) => ({ plugin, options: checkOptions(plugin, pluginOptions(config, plugin.id)) }));
  const services = createHostServices(paths.root, config, warnings);
  const container = rootContainer.createChildContainer();
  container.register(TOKENS.Paths, { useValue: paths });
  container.register(TOKENS.Config, { useValue: config });
  container.register(TOKENS.ActivePlugins, { useValue: active });
  container.register(TOKENS.Services, { useValue: services });
  container.register(TOKENS.Warnings, { useValue: warnings });
  container.register(TOKENS.Env, { useValue: env });
  container.register(TOKENS.Clock, { useValue: options.clock ?? (() => new Date()) });
  // tsyringe takes null as "not registered", so no source is `false`.
  container.registerSingleton(SessionFolder);
  container.registerSingleton(ReportStore);
  container.registerSingleton(Recorders);
  container.registerSingleton(SessionCatalog);
  return {
    container,
    paths,
    config,
    plugins: active,
    services,
    warnings,
    store: container.resolve(ReportStore),
    folder: container.resolve(SessionFolder),
    recorders: container.resolve(Recorders),
    catalog: container.resolve(SessionCatalog),
  };
}
