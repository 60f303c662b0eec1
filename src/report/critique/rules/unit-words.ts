import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { matchAll, reporter } from './util.js';

const report = reporter('unit-words', 'unit');
const SOURCE = '单位规定';
const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The unit's own word list: words it avoids (慎用), forbids (禁用) or writes another way (“XX”改为“YY”).
 * The entries come from the caller (the chat layer keeps them per tenant and group); the source of every
 * finding is “单位规定”, not the critic's tables.
 */
export const unitWordsRule: Rule = {
  id: 'unit-words',
  category: 'unit',
  check(doc: CritiqueDoc): Finding[] {
    const list = doc.unitWords.filter((w) => w.word.trim() !== '');
    if (list.length === 0) return [];
    const byWord = new Map(list.map((w) => [w.word, w]));
    const re = new RegExp([...byWord.keys()].sort((a, b) => b.length - a.length).map(esc).join('|'), 'g');
    const out: Finding[] = [];
    for (const { m, start, end } of matchAll(re, doc.text)) {
      const w = byWord.get(m[0])!;
      // 街道办 → 街道办事处: text that already reads the unit's form is no hit (nor is the fixed text).
      const k = w.replacement ? w.replacement.indexOf(w.word) : -1;
      if (k >= 0 && doc.text.startsWith(w.replacement!, start - k)) continue;
      const note = w.note ? `（${w.note}）` : '';
      let f: Finding;
      if (w.kind === 'replace' && w.replacement !== undefined) {
        f = report(doc, 'warning', start, end, `单位规定：“${w.word}”改为“${w.replacement}”${note}`, w.replacement, w.replacement);
      } else {
        const what = w.kind === 'forbid' ? '禁用' : '慎用';
        f = report(doc, w.kind === 'forbid' ? 'error' : 'warning', start, end, `单位规定${what}“${w.word}”${note}`, w.replacement ? `可改为“${w.replacement}”` : '换一种说法');
      }
      out.push({ ...f, source: SOURCE });
    }
    return out;
  },
};
