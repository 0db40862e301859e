// The first-party metric plugins, in the order the CLI lists them (its package.json `oclif.plugins`).
import { toolsPlugin } from '@radium-stats/plugin-tools';
import { gitPlugin } from '@radium-stats/plugin-git';
import { timingPlugin } from '@radium-stats/plugin-timing';
import { tokensPlugin } from '@radium-stats/plugin-tokens';
import { cachePlugin } from '@radium-stats/plugin-cache';

/** Plugin objects as `rad` discovers them. */
export const firstPartyPlugins = [toolsPlugin, gitPlugin, timingPlugin, tokensPlugin, cachePlugin];
