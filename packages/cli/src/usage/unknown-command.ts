import { typoDistance } from './did-you-mean.js';
import { and, plural } from './words.js';

/** What a CLI offers, each name as typed, words separated by spaces (`stats session`). */
export interface CommandNames {
  commands: readonly string[];
  /** Topics (`stats`); oclif counts commands as topics too. */
  topics: readonly string[];
}

/** How many leading words name a topic or command: 1 for `stats sesion`, 0 for `stast`. */
function knownWords(words: readonly string[], names: CommandNames): number {
  for (let n = words.length - 1; n > 0; n--) {
    const prefix = words.slice(0, n).join(' ');
    if (names.topics.includes(prefix) || names.commands.includes(prefix)) return n;
  }
  return 0;
}

/**
 * The command or topic `rad <words…>` most likely meant, `words` being what was typed before the
 * first flag. A suggestion replaces at least the first unknown word and takes in as many of the words
 * after it as it can (`stast session` finds `stats session`, not `stats`); among names as long, the nearest wins.
 */
export function suggestCommand(words: readonly string[], names: CommandNames): string | undefined {
  const from = knownWords(words, names) + 1;
  let best: { name: string; distance: number; length: number } | undefined;
  for (const name of new Set([...names.commands, ...names.topics])) {
    const length = name.split(' ').length;
    if (length < from || length > words.length) continue;
    const distance = typoDistance(words.slice(0, length).join(' '), name);
    if (distance === undefined) continue;
    if (best === undefined || length > best.length || (length === best.length && distance < best.distance)) best = { name, distance, length };
  }
  return best?.name;
}

/**
 * One line for `rad <words…>` when oclif found no command: what was not found, the likely command,
 * and which help to read: `Unknown command "stats sesion": did you mean \`rad stats session\`? See \`rad stats --help\`.`
 */
export function unknownCommandMessage(bin: string, words: readonly string[], names: CommandNames): string {
  const known = knownWords(words, names);
  const prefix = words.slice(0, known).join(' ');
  const help = known === 0 ? `${bin} --help` : `${bin} ${prefix} --help`;
  // oclif reads the words after a command that takes no arguments as more of its name (`stats session extra`).
  if (names.commands.includes(prefix)) {
    const extra = words.slice(known).map((w) => JSON.stringify(w));
    return `Unexpected ${plural(extra.length, 'argument')} ${and(extra)}. See \`${help}\`.`;
  }
  const suggestion = suggestCommand(words, names);
  const shown = words.slice(0, Math.max(known + 1, suggestion?.split(' ').length ?? 0)).join(' ');
  const guess = suggestion === undefined ? '.' : `: did you mean \`${bin} ${suggestion}\`?`;
  return `Unknown command "${shown}"${guess} See \`${help}\`.`;
}
