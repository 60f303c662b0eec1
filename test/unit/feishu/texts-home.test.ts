/**
 * Issue 21 item 3: the Feishu gateway speaks no sentences of its own. What a user reads lives with the
 * other texts (core/texts.ts, core/document-texts.ts); feishu/ passes only names and fragments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../../src/feishu');

/** String and template literals holding a Chinese sentence (one that ends in 。), comments dropped. */
function sentences(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/'[^'\n]*'|`[^`]*`/g)].map((m) => m[0]).filter((s) => /[\u4e00-\u9fff][^'`]*。/.test(s));
}

describe('feishu/ holds no user sentences', () => {
  it('no Chinese sentence in any feishu/ module', () => {
    const found = readdirSync(DIR).filter((f) => f.endsWith('.ts')).flatMap((f) => sentences(readFileSync(join(DIR, f), 'utf8')).map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
  });

  it('the check finds one', () => {
    expect(sentences("const a = 1; throw new Error(`没有找到这张表。请再发一次。`);\n// 注释里的句子。\n")).toHaveLength(1);
  });
});
