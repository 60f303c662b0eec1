/**
 * The fact-bearing pieces of a text: numbers with their measure, dates, document titles,
 * quotations, named meetings and campaigns. Carry-over marking and the provenance check
 * both work on these, so what one marks the other traces.
 */
import { SET_PHRASES } from '../draft.js';
import { parseNumeral } from '../../text/numerals.js';

export type TokenKind = 'number' | 'date' | 'title' | 'quote' | 'meeting' | 'campaign';

export interface FactToken {
  kind: TokenKind;
  /** As written: 12次, 6月12日, 《……》, “……”, 意识形态工作研判会. */
  text: string;
  start: number;
  end: number;
  /** For a number: the value (12, 3.5); else undefined. */
  value?: number;
  /** For a number: its measure word (次, 人次, %, 类); '' when bare. */
  unit?: string;
  /** For a number: what it counts, from the words around it (集中学习, 问题). */
  item?: string;
}

const UNITS = '万人次|万元|人次|课时|学时|小时|万人|次|场|期|篇|人|名|个|项|条|家|批|轮|份|所|处|元|天|位|户|件|类|起|部|本|支|块|套|门|节|幅|条次|余次|余人|余篇|余场|万|亿|%|％';
const CN_NUM = '[一二两三四五六七八九十百千]+';
const NUMBER_RE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS})?|(${CN_NUM})(次|场|期|篇|名|项|条|家|批|轮|所|类|个|支|起)`, 'g');
const DATE_RE = /(20\d{2})\s*年(?:度)?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?|(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|(?<![\d年])(\d{1,2})\s*月(?:份|上旬|中旬|下旬|初|底)/g;
const TITLE_RE = /《[^》\n]{2,60}》/g;
const QUOTE_RE = /“([^”\n]{6,80})”/g;
const VERB = '(?:组织召开|召开了?|举办了?|举行了?|组织了?|参加了?|开展了?|启动了?|部署了?|推进了?)';
const MEETING_RE = new RegExp(`${VERB}\\s*((?:[\\u4e00-\\u9fa5“”《》0-9]{0,18}?)(?:专题会议|工作会议|研判会议|会议|研判会|座谈会|推进会|部署会|动员会|交流会|报告会|分析会|联席会|专题会|培训班|读书班|宣讲会|论坛|大会))(?!议)`, 'g');
const CAMPAIGN_RE = new RegExp(`${VERB}\\s*((?:[\\u4e00-\\u9fa5“”《》0-9]{2,20}?)(?:专项行动|行动|活动|竞赛|评选|宣传月|宣传周|学习教育|主题教育|集中整治|专项整治))(?=[，。；、,;\\s）)\\d一二两三四五六七八九十]|$)`, 'g');
const PLACEHOLDER_RE = /【[^】]*】/g;
const NUMBERING_RE = /^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])/gm;
/** 十二 → 12, 三 → 3, 一百二十 → 120; NaN when the characters are no numeral (一二). */
const cnValue = (s: string): number => parseNumeral(s) ?? NaN;

const LEAD = /^(?:并|共|累计|全年|上半年|下半年|本年度|今年|去年|先后|分别|已|均|全部|合计|其中|一共|组织|开展|召开|举办|完成|处置|排查|推送|发布|刊发|新建|培训|覆盖|参加|参与|受理|办理|收集|监测|发现)+/;

const VERB_CUT = /^.*(?:召开|开展|组织|举办|举行|完成|处置|排查|推送|发布|刊发|新建|覆盖|参加|参与|受理|办理|收集|监测|发现|累计)/;

/** What a number counts: the clause words before it (verb stripped), else the noun after its unit. */
function itemOf(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 14), start).split(/[，。；、,;：:\n（(]/).pop() ?? '';
  const after = /^[\u4e00-\u9fa5]{0,6}/.exec(text.slice(end).split(/[，。；、,;：:\n]/)[0] ?? '')?.[0] ?? '';
  let item = before.replace(/\s+/g, '').replace(/(?:共|累计|达|达到|为|约|近|超过|计)$/, '');
  const afterVerb = item.replace(VERB_CUT, '');
  if (afterVerb.length >= 2) item = afterVerb;
  const stripped = item.replace(LEAD, '');
  item = stripped.length >= 2 ? stripped : item;
  const noun = after.replace(/^(?:的|，)/, '').slice(0, 4);
  return (item.length >= 2 ? item : `${item}${noun}`).slice(-10);
}

/** Mask spans with a same-length filler so offsets stay true. */
const mask = (s: string, re: RegExp): string => s.replace(re, (m) => '\u0000'.repeat(m.length));

/**
 * Every fact-bearing piece of `text`, in order, without overlaps (a date's digits are not
 * also a number; a meeting inside a title is the title). Placeholders, list numbering and
 * set phrases (四个意识, 二十大) are not facts.
 */
export function factTokens(text: string): FactToken[] {
  let masked = mask(mask(mask(text, PLACEHOLDER_RE), new RegExp(SET_PHRASES.source, 'g')), NUMBERING_RE);
  const out: FactToken[] = [];
  const take = (t: FactToken) => {
    out.push(t);
    masked = masked.slice(0, t.start) + '\u0000'.repeat(t.end - t.start) + masked.slice(t.end);
  };
  for (const m of masked.matchAll(TITLE_RE)) take({ kind: 'title', text: m[0], start: m.index, end: m.index + m[0].length });
  for (const m of masked.matchAll(QUOTE_RE)) take({ kind: 'quote', text: m[0], start: m.index, end: m.index + m[0].length });
  for (const m of [...masked.matchAll(MEETING_RE)]) {
    const name = m[1]!;
    if (name.includes('\u0000') || name.length < 3) continue;
    const start = m.index + m[0].length - name.length;
    take({ kind: 'meeting', text: name, start, end: start + name.length });
  }
  for (const m of [...masked.matchAll(CAMPAIGN_RE)]) {
    const name = m[1]!;
    if (name.includes('\u0000')) continue;
    const start = m.index + m[0].length - name.length;
    take({ kind: 'campaign', text: name, start, end: start + name.length });
  }
  for (const m of [...masked.matchAll(DATE_RE)]) {
    if (m[0].includes('\u0000')) continue;
    take({ kind: 'date', text: m[0].replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length });
  }
  for (const m of [...masked.matchAll(NUMBER_RE)]) {
    if (m[0].includes('\u0000')) continue;
    const before = masked.slice(Math.max(0, m.index - 1), m.index);
    // 第3次 is an ordinal; 2.0版 and A4 are not counts.
    if (before === '第' || /[A-Za-z]/.test(before)) continue;
    const value = m[1] !== undefined ? Number(m[1]) : cnValue(m[3]!);
    // 三五次 is an estimate, not a count.
    if (Number.isNaN(value)) continue;
    const unit = (m[2] ?? m[4] ?? '').replace('％', '%');
    // A Chinese numeral needs its measure word; 一次 reads as an article.
    if (m[3] !== undefined && value === 1) continue;
    const end = m.index + m[0].length;
    take({ kind: 'number', text: m[0].trim(), start: m.index, end, value, unit, item: itemOf(text, m.index, end) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Character pairs of a phrase, for a loose “same item” test (集中学习 ~ 理论中心组集中学习). */
export function bigrams(s: string): Set<string> {
  const cjk = s.replace(/[^\u4e00-\u9fa5A-Za-z]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < cjk.length; i++) out.add(cjk.slice(i, i + 2));
  return out;
}

// Pairs too common to say two items are the same (工作, 开展 …).
const WEAK = new Set(['工作', '开展', '组织', '召开', '意识', '形态', '识形', '活动', '情况', '全年', '半年', '上半', '下半']);

/** Whether two number tokens count the same thing: same measure, and their items share a telling pair. */
export function sameItem(a: FactToken, b: FactToken): boolean {
  if (a.kind !== 'number' || b.kind !== 'number') return false;
  if ((a.unit ?? '') !== (b.unit ?? '')) return false;
  const x = bigrams(a.item ?? '');
  for (const p of bigrams(b.item ?? '')) if (x.has(p) && !WEAK.has(p)) return true;
  return false;
}

/** The same fact written another way: 12次 ~ 十二次, spaces and full-width forms ignored. */
export function tokenKey(t: FactToken): string {
  if (t.kind === 'number') return `${t.value}${t.unit ?? ''}`;
  return t.text.replace(/[\s“”《》"]/g, '');
}
