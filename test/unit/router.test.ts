import { describe, expect, it } from 'vitest';
import { routeText, MAX_INPUT_CHARS } from '../../src/bot/router.js';

describe('routeText', () => {
  it.each([
    ['', 'help'],
    ['   ', 'help'],
    ['帮助', 'help'],
    ['/help', 'help'],
    ['／帮助', 'help'],
    ['你能做什么？', 'help'],
    ['/reset', 'reset'],
    ['/清空', 'reset'],
    ['/frob x', 'unknown-command'],
    ['你好', 'chat'],
  ])('%s → %s', (text, kind) => {
    expect(routeText(text).kind).toBe(kind);
  });

  it('rejects over-long input with its length', () => {
    expect(routeText('字'.repeat(MAX_INPUT_CHARS + 1))).toEqual({ kind: 'too-long', length: MAX_INPUT_CHARS + 1 });
  });
});
