#!/usr/bin/env node
// Bundles the JavaScript tsc wrote to a package's dist/ into one file per entry (plus shared chunks),
// in place: the .d.ts files stay as tsc wrote them. Node 20 has no module compile cache, so each of
// the ~300 small ES modules `rad stats session` loaded cost a resolve, a read and a compile; bundled
// (and with zod cut to the parts rad uses) the command starts ~300 ms sooner.
// Run from a package folder after `tsc`; entries are read from its package.json (exports, imports,
// main, oclif hooks and commands). Every @radium-stats package stays external, so the CLI and the plugins
// share one core (its tsyringe container, its error classes).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/** The package that inlines zod; the others import its copy (`${ZOD_HOME}/zod`), so a run has one zod. */
const ZOD_HOME = '@radium-stats/core';
const ZOD_SHARED = `${ZOD_HOME}/zod`;
/**
 * Libraries inlined into the bundles: trees of many small files that only our packages use, and the
 * Reflect polyfill tsyringe needs (a CommonJS file, which an ES import loads through a slower path).
 */
const INLINE = new Set(['zod', 'tsyringe', 'reflect-metadata']);

const root = process.cwd();
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Inlined CommonJS code may require Node built-ins, which an ES module has no `require` for. */
const banner = [
  "import { createRequire as __radCreateRequire } from 'node:module';",
  'const require = __radCreateRequire(import.meta.url);',
].join('\n');

/** Every file under `dir`, or none when it does not exist. */
function filesUnder(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** The dist/*.js files package.json points at: export and import targets, main, oclif hooks and commands. */
function entryPoints() {
  const targets = new Set();
  const add = (target) => {
    if (typeof target === 'string' && /^(\.\/)?dist\/.*\.js$/.test(target)) targets.add(path.join(root, target));
    else if (Array.isArray(target)) target.forEach(add);
    else if (target && typeof target === 'object') Object.values(target).forEach(add);
  };
  add(pkg.main);
  add(pkg.exports);
  // Entries private to the package (`#name` imports), such as the CLI's start-up fast paths.
  add(pkg.imports);
  add(pkg.oclif?.hooks);
  if (typeof pkg.oclif?.commands === 'string') {
    for (const file of filesUnder(path.join(root, pkg.oclif.commands))) if (file.endsWith('.js')) targets.add(file);
  }
  return [...targets].sort();
}

/** The package name of a bare import specifier (`@scope/name/sub` → `@scope/name`). */
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (specifier) => specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));

/**
 * Keeps every dependency external except INLINE ones (and what they import), and sends zod imports to
 * ZOD_SHARED. `import { z } from 'zod'` becomes a namespace import, whose members esbuild can
 * tree-shake: the `z` object would pull in all of zod, 40-odd translations included.
 */
const dependencyPolicy = {
  name: 'dependency-policy',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist + path.sep)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      return { contents: text.replace(/^import \{ z \} from 'zod';$/gm, "import * as z from 'zod';"), loader: 'js' };
    });
    // tsyringe needs the Reflect metadata API when it loads. An entry's own imports run after the
    // chunks it shares with other entries, so `import 'reflect-metadata'` at the top of an entry can
    // come too late: tsyringe is reached through a module that loads the API first.
    build.onResolve({ filter: /^tsyringe$/ }, (args) =>
      args.importer.startsWith(dist + path.sep) ? { path: 'tsyringe', namespace: 'tsyringe-with-reflect' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'tsyringe-with-reflect' }, () => ({
      contents: "import 'reflect-metadata';\nexport * from 'tsyringe';",
      resolveDir: root,
      loader: 'js',
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || isBuiltin(args.path)) return undefined;
      const name = packageName(args.path);
      if (name === 'zod' && pkg.name !== ZOD_HOME) return { path: ZOD_SHARED, external: true };
      if (INLINE.has(name) || args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** zod members the bundles use (`ns.member` of a namespace import, or named imports) that ZOD_SHARED does not export. */
async function missingZodMembers(outputs) {
  const used = new Set();
  for (const { text } of outputs) {
    for (const [, names] of text.matchAll(/import \{([^}]*)\} from "@radium-stats\/core\/zod"/g)) {
      for (const name of names.split(',')) used.add(name.trim().split(/\s+as\s+/)[0]);
    }
    for (const [, ns] of text.matchAll(/import \* as (\w+) from "@radium-stats\/core\/zod"/g)) {
      for (const [, member] of text.matchAll(new RegExp(`\\b${ns}\\.(\\w+)`, 'g'))) used.add(member);
    }
  }
  used.delete('');
  if (used.size === 0) return [];
  const shared = await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve(ZOD_SHARED)).href);
  return [...used].filter((name) => !(name in shared)).sort();
}

const entries = entryPoints();
if (entries.length === 0) throw new Error(`${pkg.name}: package.json names no dist/*.js entry to bundle`);
if (entries.some((file) => readFileSync(file, 'utf8').startsWith(banner))) {
  throw new Error(`${pkg.name}: dist/ holds bundles already; run tsc first (\`pnpm build\` does both)`);
}
const emitted = filesUnder(dist).filter((file) => file.endsWith('.js') || file.endsWith('.js.map'));
const result = await esbuild.build({
  entryPoints: entries,
  outdir: dist,
  outbase: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Maps point through tsc's maps to src/*.ts, for `node --enable-source-maps` stack traces.
  sourcemap: 'linked',
  sourcesContent: false,
  banner: { js: banner },
  plugins: [dependencyPolicy],
  write: false,
  logLevel: 'warning',
});
const missing = await missingZodMembers(result.outputFiles.filter((file) => file.path.endsWith('.js')));
if (missing.length > 0) {
  throw new Error(`${pkg.name} uses zod's ${missing.join(', ')}, which ${ZOD_SHARED} does not export: add them to packages/core/src/zod.ts`);
}
// tsc's per-module files are replaced by the bundles only once bundling has succeeded.
for (const file of emitted) rmSync(file);
for (const file of result.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.contents);
}
const js = result.outputFiles.filter((file) => file.path.endsWith('.js'));
const kb = Math.round(js.reduce((sum, file) => sum + file.contents.length, 0) / 1024);
console.log(`${pkg.name}: bundled ${entries.length} entries into ${js.length} files (${kb} KB)`);
