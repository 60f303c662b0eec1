import type { Rule, Finding } from '../types.js';
import type { CritiqueDoc } from '../doc.js';
import { SET_PHRASES } from '../dictionary.js';
import { reporter } from './util.js';

const report = reporter('style', 'style');

const SET_RE = new RegExp(SET_PHRASES.join('|'), 'g');
/** Concrete facts: figures, dates, counted items, titles of documents, names of events. */
const FACT_RE = /\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+(?:次|场|期|人|名|个|篇|条|项|家|批|轮)|[《“][^》”]{2,30}[》”]/g;
const MIN_PARA = 80;
/**
 * Sentences of this genre are long: on the dev corpus and the seeds (729 sentences) the median is
 * 34 characters, the 95th percentile 129 and the 99th 207. Only the outliers are worth a hint.
 */
const LONG_SENTENCE = 200;

export const styleRule: Rule = {
  id: 'style',
  category: 'style',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    for (const p of doc.paragraphs) {
      if (p.text.length < MIN_PARA) continue;
      const phrases = p.text.match(SET_RE) ?? [];
      const facts = p.text.match(FACT_RE)?.length ?? 0;
      const per100 = (phrases.length * 100) / p.text.length;
      if (phrases.length >= 4 && facts === 0 && per100 >= 1.5) {
        out.push(report(doc, 'info', p.start, p.end, `本段套话较多（${phrases.length}处，如“${[...new Set(phrases)].slice(0, 3).join('”“')}”），缺少具体数据和事例`, '补充次数、人数、时间、做法名称等具体内容'));
      }
    }
    for (const s of doc.sentences) {
      const len = s.text.replace(/\s/g, '').length;
      if (len > LONG_SENTENCE) {
        out.push(report(doc, 'info', s.start, s.end, `句子过长（${len}字），不易读`, '拆分为几个短句'));
      }
    }
    return out;
  },
};
