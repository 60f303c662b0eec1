import { mkdtempSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPT_DIR, PromptError, PromptLibrary, PROMPT_VARIABLES } from '../../../src/llm/prompts.js';

function copyPrompts(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bigan-prompts-'));
  for (const f of readdirSync(DEFAULT_PROMPT_DIR)) copyFileSync(join(DEFAULT_PROMPT_DIR, f), join(dir, f));
  return dir;
}

describe('PromptLibrary', () => {
  it('loads every registered prompt from prompts/', () => {
    const lib = PromptLibrary.load();
    expect(lib.render('chat', { request: '你好' })).toBe('你好');
    const sys = lib.render('system', { period: '2025年上半年', today: '2026年11月22日', guidance: '党的二十大和二十届历次全会精神' });
    expect(sys).toContain('2026年11月22日');
    expect(sys).toContain('党的二十大和二十届历次全会精神');
    expect(Object.keys(PROMPT_VARIABLES)).toContain('system');
  });

  it('fails at load when a file uses an unknown variable or omits one', () => {
    const dir = copyPrompts();
    writeFileSync(join(dir, 'chat.md'), '请处理：{{requets}}');
    expect(() => PromptLibrary.load(dir)).toThrow(PromptError);
    expect(() => PromptLibrary.load(dir)).toThrow(/unknown variable \{\{requets\}\}/);
    expect(() => PromptLibrary.load(dir)).toThrow(/never uses \{\{request\}\}/);
  });

  it('fails at load when a registered file is missing or an extra file is not registered', () => {
    const dir = copyPrompts();
    writeFileSync(join(dir, 'stray.md'), '无');
    expect(() => PromptLibrary.load(dir)).toThrow(/stray\.md is not registered/);
  });

  it('fails at render when a variable is missing or unknown', () => {
    const lib = PromptLibrary.load();
    expect(() => lib.render('system', { today: 'x', period: 'y' } as never)).toThrow(/guidance not set/);
    expect(() => lib.render('chat', { request: 'x', extra: 'y' } as never)).toThrow(/unknown variable extra/);
  });
});
