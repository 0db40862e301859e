/** Injection tokens of the host container; `Symbol.for` so every copy of core agrees on them. */
export const TOKENS = {
  /** WorkspacePaths of the workspace this run works on. */
  Paths: Symbol.for('radium-stats.WorkspacePaths'),
  /** Validated StatsConfig. */
  Config: Symbol.for('radium-stats.Config'),
  /** ActivePlugin[]: metric plugins switched on by config, in display order. */
  ActivePlugins: Symbol.for('radium-stats.ActivePlugins'),
  /** HostServices handed to plugins. */
  Services: Symbol.for('radium-stats.HostServices'),
  /** Warnings sink. */
  Warnings: Symbol.for('radium-stats.Warnings'),
  /** Process environment (tests pass their own). */
  Env: Symbol.for('radium-stats.Env'),
  /** Clock: () => Date. */
  Clock: Symbol.for('radium-stats.Clock'),
} as const;

/** A clock, injectable so tests can fix time. */
export type Clock = () => Date;
