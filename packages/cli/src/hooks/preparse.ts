import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Hook } from '@oclif/core';

/** Local package files `npm install` understands. */
const TARBALL = /\.(tgz|tar\.gz)$/i;

/**
 * Lets `rad plugins install ./acme-plugin-1.0.0.tgz` work: `@oclif/plugin-plugins` reads a bare
 * path as a GitHub slug and runs npm from its data folder, so a local tarball becomes an absolute
 * `file:` URL here. Every other command's argv passes through untouched.
 */
const hook: Hook<'preparse'> = async function (options) {
  const id = (options.options.context as { id?: string } | undefined)?.id;
  if (id !== 'plugins:install') return options.argv;
  return options.argv.map((arg) => {
    if (arg.startsWith('-') || arg.includes(':') || !TARBALL.test(arg)) return arg;
    const file = path.resolve(arg);
    return existsSync(file) ? `file:${file}` : arg;
  });
};

export default hook;
