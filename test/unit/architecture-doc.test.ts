/**
 * Issue 21 item 6: docs/ARCHITECTURE.md true to the tree. Every file its source tree names under a folder
 * exists there, and every folder of src/ has a row in the layer table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const DOC = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');

/** The `src/` block: `  folder/` lines open a folder, `    name.ts` / `    name/` lines name what is in it. */
function treeEntries(doc: string): string[] {
  const block = doc.slice(doc.indexOf('\n```\nsrc/\n') + 1);
  const lines = block.slice(0, block.indexOf('\n```', 5)).split('\n');
  const out: string[] = [];
  let folder = '';
  for (const line of lines) {
    const top = /^ {2}([a-z][\w.-]*(?:\.ts|\/))\s/.exec(`${line} `);
    if (top) {
      folder = top[1]!.endsWith('/') ? top[1]! : '';
      out.push(top[1]!);
      continue;
    }
    const inner = /^ {4}([a-z][\w.-]*(?:\.ts|\/))\s/.exec(`${line} `);
    if (inner && folder) out.push(folder + inner[1]!);
  }
  return out;
}

function folders(dir: string, rel = ''): string[] {
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).flatMap((n) => [`${rel}${n}/`, ...folders(join(dir, n), `${rel}${n}/`)]);
}

describe('docs/ARCHITECTURE.md', () => {
  it('names only files and folders that exist under src/', () => {
    const named = treeEntries(DOC);
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((p) => !existsSync(join(ROOT, 'src', p)))).toEqual([]);
  });

  it('has a row in the layer table for every top folder of src/, and names every nested one', () => {
    const table = DOC.slice(DOC.indexOf('| Layer | May import |'), DOC.indexOf('## Processes'));
    const all = folders(join(ROOT, 'src'));
    expect(all.filter((f) => !f.slice(0, -1).includes('/') && !table.includes(`\`${f}`))).toEqual([]);
    expect(all.filter((f) => !DOC.includes(f.split('/').slice(-2).join('/')))).toEqual([]);
  });
});
