#!/usr/bin/env node
// `rad statusline` runs after every message in Claude Code's status bar: its cached answer is tried
// before oclif (and core) load, which alone cost more than its whole time budget.
const answered = process.argv[2] === 'statusline' && (await (await import('#statusline-fast')).answerStatusline(process.argv.slice(3)));
if (!answered) {
  const { execute, settings } = await import('@oclif/core');
  // rad runs its compiled dist/ only. Under NODE_ENV=development or test, oclif would look for the
  // TypeScript sources, which the published packages do not ship, and warn that typescript is missing.
  settings.enableAutoTranspile = false;
  await execute({ dir: import.meta.url });
}
