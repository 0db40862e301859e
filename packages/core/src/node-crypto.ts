import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';

let loaded: typeof Crypto | undefined;

/**
 * node:crypto, loaded on first use: importing it loads some twenty internal modules (~6 ms), which
 * every command paid at start though most never hash or draw random bytes (`stats session` never does).
 */
export const nodeCrypto = (): typeof Crypto => (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto);
