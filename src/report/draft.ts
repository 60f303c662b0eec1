/**
 * The draft: section texts keyed by address, assembled in outline order, and the
 * deterministic checks the eval harness scores (skeleton, placeholders instead of
 * invented numbers).
 */
import { placeholder, type Genre } from './genres.js';
import { headingMarker, toChineseNumeral } from './headings.js';
import { checkOutline, parseOutline, type Outline } from './outline.js';
import type { PartId } from './parts.js';
import type { SectionTarget } from './commands.js';
import { beijingDate, periodRange, type ReportPeriod } from './period.js';

/** 'opening' | 'p2' (text directly under part 2) | 'p1.s3' (section （三） of part 1). */
export type SectionAddress = string;

export interface Draft {
  /** Section texts without their heading line. */
  sections: Record<SectionAddress, string>;
}

export const partAddress = (part: number): SectionAddress => `p${part}`;
export const sectionAddress = (part: number, section: number): SectionAddress => `p${part}.s${section}`;

/** 'p1.s3' → { part: 1, section: 3 }; 'opening' (or anything else) → { part: 0 }. */
export function parseAddress(addr: SectionAddress): { part: number; section?: number } {
  const m = /^p(\d+)(?:\.s(\d+))?$/.exec(addr);
  if (!m) return { part: 0 };
  return m[2] ? { part: Number(m[1]), section: Number(m[2]) } : { part: Number(m[1]) };
}

/** The heading path of an address: “一、工作开展情况 （二）强化理论武装”, or 开头段. */
export function addressLabel(outline: Outline, addr: SectionAddress): string {
  if (addr === 'opening') return '开头段';
  const { part, section } = parseAddress(addr);
  const p = outline.parts[part - 1];
  if (!p) return addr;
  const head = `${headingMarker(1, part)}${p.heading}`;
  return section ? `${head} ${headingMarker(2, section)}${p.sections[section - 1]?.heading ?? ''}` : head;
}

/**
 * Addresses as a writer reads them in a notice, each part named once: 第一部分“工作开展情况及主要做法”
 * (all its sections), 第一部分的（二）“强化理论武装，筑牢思想根基”, 第二部分的（一）、（三）, 开头段.
 */
export function describeAddresses(outline: Outline, addresses: readonly SectionAddress[]): string {
  const out: string[] = [];
  const byPart = new Map<number, number[]>();
  for (const a of addresses) {
    const { part, section } = parseAddress(a);
    if (part === 0) {
      if (!out.includes('开头段')) out.push('开头段');
      continue;
    }
    const list = byPart.get(part) ?? [];
    if (section !== undefined && !list.includes(section)) list.push(section);
    byPart.set(part, list);
  }
  for (const [part, sections] of [...byPart.entries()].sort((x, y) => x[0] - y[0])) {
    const p = outline.parts[part - 1];
    if (!p) continue;
    const name = `第${toChineseNumeral(part)}部分`;
    const whole = sections.length === 0 || sections.length >= p.sections.length;
    if (whole) out.push(`${name}“${p.heading}”`);
    else if (sections.length === 1) out.push(`${name}的${headingMarker(2, sections[0]!)}“${p.sections[sections[0]! - 1]?.heading ?? ''}”`);
    else out.push(`${name}的${[...sections].sort((x, y) => x - y).map((n) => headingMarker(2, n)).join('、')}`);
  }
  return out.join('、');
}

export interface ResolvedTarget {
  address: SectionAddress;
  /** 1-based part number; 0 for the opening. */
  part: number;
  section?: number;
  /** The heading path for prompts and replies: “一、工作开展情况 （二）强化理论武装”. */
  label: string;
  /** Addresses of the sections the target covers (a whole part covers all its sections). */
  covers: SectionAddress[];
}

/** Resolve a command target against the outline; null when it points nowhere. */
export function findSection(outline: Outline, target: SectionTarget): ResolvedTarget | null {
  if (target.opening) return { address: 'opening', part: 0, label: '开头段', covers: ['opening'] };
  let partNo: number | undefined = target.part;
  if (partNo === undefined && target.partId) {
    const idx = outline.parts.findIndex((p) => p.partId === target.partId);
    if (idx >= 0) partNo = idx + 1;
  }
  if (partNo === undefined && target.section !== undefined) {
    // A bare （二） means the first part that has such a section: normally the practice part.
    const idx = outline.parts.findIndex((p) => p.sections.length >= target.section!);
    if (idx >= 0) partNo = idx + 1;
  }
  if (partNo === undefined) return null;
  const part = outline.parts[partNo - 1];
  if (!part) return null;
  if (target.section !== undefined) {
    if (!part.sections[target.section - 1]) return null;
    const address = sectionAddress(partNo, target.section);
    return { address, part: partNo, section: target.section, label: addressLabel(outline, address), covers: [address] };
  }
  const address = partAddress(partNo);
  const covers = part.sections.length ? part.sections.map((_s, j) => sectionAddress(partNo, j + 1)) : [address];
  return { address, part: partNo, label: addressLabel(outline, address), covers };
}

/** Every address of an outline, in reading order. */
export function allAddresses(outline: Outline): SectionAddress[] {
  const out: SectionAddress[] = ['opening'];
  outline.parts.forEach((p, i) => {
    out.push(partAddress(i + 1));
    p.sections.forEach((_s, j) => out.push(sectionAddress(i + 1, j + 1)));
  });
  return out;
}

export interface AssembleOptions {
  /** Sign-off unit; a placeholder when missing. */
  unit?: string;
  /** Sign-off date, e.g. 2026年7月10日; a placeholder when missing. */
  date?: string;
}

/** 2026-07-10 → 2026年7月10日. */
export function chineseDate(d: Date): string {
  const { year, month, day } = beijingDate(d);
  return `${year}年${month}月${day}日`;
}

/**
 * The sign-off date of a report on `period`: today when today is its natural writing
 * time (from two weeks before the period ends to two months after), else a
 * placeholder — a 2025 上半年 report drafted in 2026 is not dated 2026.
 */
export function signDate(period: ReportPeriod, now: Date): string {
  const end = Date.parse(`${periodRange(period).end}T00:00:00Z`);
  const day = 86_400_000;
  const t = now.getTime();
  return t >= end - 14 * day && t <= end + 62 * day ? chineseDate(now) : placeholder('成文日期');
}

/** Drafted sections as the writer reads them: each part heading once, each section heading on its own line. */
export function renderSections(outline: Outline, sections: ReadonlyArray<{ address: SectionAddress; text: string }>): string {
  const lines: string[] = [];
  let lastPart = -1;
  for (const s of sections) {
    if (s.address === 'opening') {
      lines.push(s.text);
      continue;
    }
    const { part, section } = parseAddress(s.address);
    const p = outline.parts[part - 1];
    if (!p) continue;
    if (part !== lastPart) lines.push(`${headingMarker(1, part)}${p.heading}`);
    lastPart = part;
    if (section !== undefined) lines.push(`${headingMarker(2, section)}${p.sections[section - 1]?.heading ?? ''}`);
    lines.push(s.text);
  }
  return lines.join('\n');
}

/** The whole report as text: title, opening, parts in order, sign-off. Missing sections show a placeholder. */
export function assembleDraft(outline: Outline, draft: Draft, opts: AssembleOptions = {}): string {
  return [outline.title, '', assembleBody(outline, draft), '', opts.unit ?? placeholder('单位名称'), opts.date ?? placeholder('成文日期')].join('\n');
}

/** Opening and parts in order, without title and sign-off (the Word export sets those apart). */
export function assembleBody(outline: Outline, draft: Draft): string {
  const lines: string[] = [];
  const opening = draft.sections.opening ?? outline.opening;
  if (opening) lines.push(opening);
  outline.parts.forEach((p, i) => {
    lines.push(`${headingMarker(1, i + 1)}${p.heading}`);
    const intro = draft.sections[partAddress(i + 1)];
    if (intro) lines.push(intro);
    else if (p.sections.length === 0) lines.push(placeholder(`${p.heading}的内容`));
    p.sections.forEach((s, j) => {
      lines.push(`${headingMarker(2, j + 1)}${s.heading}`);
      lines.push(draft.sections[sectionAddress(i + 1, j + 1)] ?? placeholder(`本节正文，可发送“写第${toChineseNumeral(i + 1)}部分”起草`));
    });
  });
  return lines.join('\n');
}

/** Visible placeholders: 【待补充：…】 plus the informal ones (X次, *次, XX, ***). */
const PLACEHOLDER_RE = /【待补充[：:][^】]*】|【[^】]{1,20}】/g;
const INFORMAL_PLACEHOLDER_RE = /(?<![A-Za-z])[Xx×*＊]{1,3}(?=[次场期篇人名个项条家余])|\*{3,}|(?<![A-Za-z])XX(?![A-Za-z])/g;

// Numbers that are part of set phrases, not facts: 四个意识, 一岗双责, 第一议题, 二十大 …
const SET_PHRASES = /四个意识|四个自信|两个维护|两个确立|两个结合|一岗双责|三会一课|三审三校|三级审核|第一议题|第一责任人|第一时间|五位一体|四个全面|十八大|十九大|二十大|二十届|十九届|十八届|[一二三四五六七]中全会|八项规定|两学一做|四史|两个大局|一盘棋|一把手|三重一大|四风|十四五|十五五|一线|八个严禁|两微一端/g;

export interface NumberFinding {
  /** The number as written in the draft: "6次", "120人次", "三场". */
  text: string;
  /** A little context around it. */
  context: string;
}

/** Quantities in the draft that no user fact contains: likely invented. */
export function suspiciousNumbers(text: string, facts: readonly string[]): NumberFinding[] {
  const factText = facts.join('；');
  const factNumbers = new Set([...factText.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
  const cleaned = text
    .replace(PLACEHOLDER_RE, (m) => '□'.repeat(m.length))
    .replace(SET_PHRASES, (m) => '□'.repeat(m.length))
    .replace(/^[\s\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])/gm, (m) => '□'.repeat(m.length));
  const out: NumberFinding[] = [];
  const re = /(\d+(?:\.\d+)?%?)(?:\s*)(年|月|日|号|余|多)?([次场期篇人名个项条家批轮份所处万亿元期天小时位户件]?)|([两三四五六七八九十百千]+|一)(次|场|期|篇|名|项|条|家|批|轮|所)/g;
  for (const m of cleaned.matchAll(re)) {
    const idx = m.index ?? 0;
    const before = cleaned.slice(Math.max(0, idx - 4), idx);
    const lineStart = text.lastIndexOf('\n', idx) + 1;
    const lineEnd = text.indexOf('\n', idx);
    const ctx = text.slice(Math.max(lineStart, idx - 10), Math.min(lineEnd < 0 ? text.length : lineEnd, idx + m[0].length + 6));
    if (m[1] !== undefined) {
      const unit = m[2];
      if (unit === '年' || unit === '月' || unit === '日' || unit === '号') continue;
      if (/第$/.test(before)) continue;
      if (factNumbers.has(m[1].replace('%', ''))) continue;
      out.push({ text: m[0], context: ctx });
    } else {
      const word = `${m[4]!}${m[5]!}`;
      // "一次/一场" reads as an article; rule-like counts ("每年至少两次") are requirements, not facts.
      if (m[4] === '一' || /(至少|每年|每季度|每半年|每月|不少于|原则上)$/.test(before) || /第$/.test(before)) continue;
      if (factText.includes(word)) continue;
      out.push({ text: word, context: ctx });
    }
  }
  return out;
}

export interface DraftCheck {
  /** Chinese defect lines (skeleton, numbering, invented numbers, placeholder style). */
  defects: string[];
  placeholders: number;
  suspicious: NumberFinding[];
  /** Roles of the level-1 headings found, in order. */
  parts: (PartId | null)[];
  hasTitle: boolean;
  hasOpeningFormula: boolean;
}

/**
 * Deterministic draft check: skeleton completeness for the genre, placeholders rather
 * than invented numbers. `facts` are the user's own clauses; numbers found there are fine.
 */
export function checkDraft(text: string, facts: readonly string[], genre?: Genre): DraftCheck {
  const outline = parseOutline(text);
  const defects: string[] = [];
  // The genre's own formula (汇报如下 in a 个人汇报), any 报告/汇报如下 without a genre.
  const formula = /[^。；！？，,\n]*如下[：:]/.exec(text)?.[0] ?? '';
  const hasOpeningFormula = genre ? genre.closingFits.test(formula) : /(报告|汇报)如下[：:]/.test(formula);
  if (!hasOpeningFormula) defects.push(`开头段缺少“${genre?.closing ?? '现将有关情况报告如下：'}”之类的承启语`);
  if (genre) defects.push(...checkOutline(outline, genre).filter((d) => !/下没有要点|^开头段/.test(d)));
  const suspicious = suspiciousNumbers(text, facts);
  if (suspicious.length) defects.push(`出现用户未提供的数字：${[...new Set(suspicious.map((s) => s.text))].slice(0, 8).join('、')}，应改为【待补充：…】占位`);
  const informal = text.match(INFORMAL_PLACEHOLDER_RE) ?? [];
  if (informal.length) defects.push(`使用了不规范的占位符：${[...new Set(informal)].join('、')}，应写作【待补充：…】`);
  if (/\|.*\|.*\|/.test(text)) defects.push('出现了表格，正文应为连续段落');
  if (/[A-Za-z]{4,}/.test(text.replace(/word|docx/gi, ''))) defects.push('出现了英文单词');
  return {
    defects,
    placeholders: (text.match(PLACEHOLDER_RE) ?? []).length,
    suspicious,
    parts: outline.parts.map((p) => p.partId),
    hasTitle: outline.title.length > 0,
    hasOpeningFormula,
  };
}
