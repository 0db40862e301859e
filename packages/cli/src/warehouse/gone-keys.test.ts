import { describe, expect, it } from 'vitest';
import type { WarehouseExecutor } from './executor.js';
import { WarehouseError } from './errors.js';
import { OlderRowsDeleter } from './gone-keys.js';
import type { WarehouseTarget } from './settings.js';

/** An executor whose pending mutations are `listings` in turn (the last one repeated); the statements it runs are recorded. */
function fakeWarehouse(listings: string[][]): { warehouse: WarehouseExecutor; commands: string[] } {
  const commands: string[] = [];
  let listed = 0;
  const warehouse: WarehouseExecutor = {
    target: { database: 'radium', display: 'http://ch:8123 (database radium)' } as WarehouseTarget,
    command: async (query) => void commands.push(query),
    insert: async () => {},
    close: async () => {},
    rows: async <T>(): Promise<T[]> => listings[Math.min(listed++, listings.length - 1)]!.map((id) => ({ id })) as T[],
  };
  return { warehouse, commands };
}

describe('OlderRowsDeleter', () => {
  const stamp = { developer: "o'brien", machine: 'box' };

  it('deletes the rows of these sessions older than the push, and waits for its own deletions only', async () => {
    // Before: a mutation stuck elsewhere; then ours runs a while, then is done.
    const { warehouse, commands } = fakeWarehouse([['stuck'], ['stuck', 'mine'], ['stuck']]);
    const deleter = new OlderRowsDeleter(warehouse, stamp, 1_700_000_000_123);
    await deleter.delete('facts_tokens_usage', ['s-1', "s'2"]);
    expect(commands).toEqual([
      "ALTER TABLE `radium`.`facts_tokens_usage` DELETE WHERE developer = 'o\\'brien' AND machine = 'box' AND session_id IN ('s-1', 's\\'2') AND version < 1700000000123",
    ]);
    await deleter.wait();
  });

  it('asks nothing when no session lost a key', async () => {
    const { warehouse, commands } = fakeWarehouse([['mine']]);
    const deleter = new OlderRowsDeleter(warehouse, stamp, 1);
    await deleter.delete('facts_tokens_usage', []);
    await deleter.wait();
    expect(commands).toEqual([]);
  });

  it('gives up with one line naming the warehouse when its deletion does not end', async () => {
    const { warehouse } = fakeWarehouse([[], ['mine']]);
    const deleter = new OlderRowsDeleter(warehouse, stamp, 1);
    await deleter.delete('facts_tokens_usage', ['s-1']);
    let clock = 0;
    const error = await deleter.wait(() => (clock += 60_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as Error).message).toMatch(/^The warehouse http:\/\/ch:8123 \(database radium\) is still deleting .*: push again later/);
  });
});
