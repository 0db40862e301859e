import { describe, expect, it } from 'vitest';
import { ignoresInternals } from './gitignore.js';

describe('ignoresInternals', () => {
  it.each(['.radium/_internals/', '.radium/_internals', '/.radium/_internals/', '.radium/_internals/*', '.radium/_internals/**', '**/.radium/_internals/', '  .radium/  ', '.radium', '/.radium/*', '_internals/'])(
    'knows that %j ignores the folder',
    (line) => expect(ignoresInternals(line)).toBe(true),
  );

  it.each(['', '# .radium/_internals/', '!.radium/_internals/', '.radium/stats.config.json', '.radium/_internals/sessions/', 'node_modules', '.radiumx'])(
    'knows that %j does not',
    (line) => expect(ignoresInternals(line)).toBe(false),
  );
});
