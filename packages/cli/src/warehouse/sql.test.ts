import { describe, expect, it } from 'vitest';
import { sqlIdentifier, sqlString, sqlTable } from './sql.js';

describe('sqlString', () => {
  it('escapes quotes, backslashes and control characters so the literal cannot end early', () => {
    expect(sqlString("it's")).toBe("'it\\'s'");
    expect(sqlString('a\\b')).toBe("'a\\\\b'");
    expect(sqlString("x'); DROP TABLE sessions; --")).toBe("'x\\'); DROP TABLE sessions; --'");
    expect(sqlString('l1\nl2\r\t\0\u0001\u007f')).toBe("'l1\\nl2\\r\\t\\0\\x01\\x7f'");
    // A backslash right before the closing quote would escape it if left single.
    expect(sqlString('end\\')).toBe("'end\\\\'");
    expect(sqlString('`tick`')).toBe("'`tick`'");
  });
});

describe('sqlIdentifier', () => {
  it('quotes with backticks, escaping backticks and backslashes', () => {
    expect(sqlIdentifier('facts_tokens_usage')).toBe('`facts_tokens_usage`');
    expect(sqlIdentifier('a`b\\c')).toBe('`a\\`b\\\\c`');
    expect(sqlIdentifier("it's")).toBe("`it's`");
    expect(sqlTable('radium', 'sessions')).toBe('`radium`.`sessions`');
  });
});
