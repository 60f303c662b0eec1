import { parseNumeral } from '../text/numerals.js';

/** The span of time a report covers. */
export type PeriodSpan = 'year' | 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4';

export interface ReportPeriod {
  year: number;
  span: PeriodSpan;
}

const SPAN_LABEL: Record<PeriodSpan, string> = {
  year: '年度',
  H1: '上半年',
  H2: '下半年',
  Q1: '第一季度',
  Q2: '第二季度',
  Q3: '第三季度',
  Q4: '第四季度',
};

const SPAN_MONTHS: Record<PeriodSpan, [number, number]> = {
  year: [1, 12],
  H1: [1, 6],
  H2: [7, 12],
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
};

/** 2025年度 / 2025年上半年 / 2025年第三季度 */
export function periodLabel(p: ReportPeriod): string {
  return p.span === 'year' ? `${p.year}年度` : `${p.year}年${SPAN_LABEL[p.span]}`;
}

/** Words a report uses for "this period": 全年 / 上半年 / 本季度. */
export function periodWord(p: ReportPeriod): string {
  if (p.span === 'year') return '全年';
  if (p.span === 'H1' || p.span === 'H2') return SPAN_LABEL[p.span];
  return '本季度';
}

/** First and last day of the period as ISO dates (YYYY-MM-DD). */
export function periodRange(p: ReportPeriod): { start: string; end: string } {
  const [m1, m2] = SPAN_MONTHS[p.span];
  const lastDay = new Date(Date.UTC(p.year, m2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${p.year}-${pad(m1)}-01`, end: `${p.year}-${pad(m2)}-${pad(lastDay)}` };
}


/** The half or quarter a text names (上半年, 后半年, 第三季度, 2季度), if any. */
export function findSpan(text: string): Exclude<PeriodSpan, 'year'> | null {
  if (/上半年|前半年/.test(text)) return 'H1';
  if (/下半年|后半年/.test(text)) return 'H2';
  const q = /([一二三四1-4])季度/.exec(text);
  return q ? (`Q${parseNumeral(q[1]!)!}` as PeriodSpan as Exclude<PeriodSpan, 'year'>) : null;
}

/**
 * Beijing's calendar date of an instant. China keeps UTC+8 all year (no DST), so a fixed offset is
 * exact and keeps report/ free of timezone data; the process's own zone (often UTC) is never used.
 */
export function beijingDate(now: Date): { year: number; month: number; day: number } {
  const d = new Date(now.getTime() + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A year that is not the report's period: 2015年以来, 自2020年, 2019年至今, 2018年起. */
const NOT_PERIOD = /(?:以来|来|至今|起|开始|之前|以前|前后|底|末)/;

/**
 * Find the period a text speaks of: "2025年上半年", "2024年度", "2025年第三季度",
 * "今年上半年" (relative to `now`). Returns null when no year can be found. A year needs
 * 年 (or a span word) after it, so web dates (2022-05-10) are not periods, and
 * "2015年以来" is a starting point, not a period.
 */
export function findPeriod(text: string, now: Date = new Date()): ReportPeriod | null {
  return findPeriodMatch(text, now)?.period ?? null;
}

const YEAR_RE = /(?:(20\d{2})\s*(?:年|(?=上半年|下半年|前半年|后半年|第?[一二三四1-4]季度|度))|(今年|去年|明年|本年度?)\s*年?)(度|上半年|下半年|前半年|后半年|第?[一二三四1-4]季度)?/g;

function findPeriodMatch(text: string, now: Date): { period: ReportPeriod; relative: boolean; index: number } | null {
  const thisYear = beijingDate(now).year;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (!m[3] && (NOT_PERIOD.test(after.slice(0, 2)) || /^\d|^[-/.]\d|^[0-9]{1,2}月/.test(after) || before === '自' || before === '从')) continue;
    // 2025年3月26日 is a date, not a period (it may be the 成文日期 under the title).
    if (!m[3] && /^\s*\d{1,2}\s*月/.test(after)) continue;
    // 参照去年的报告: a document to follow, not the period written about.
    if (m[2] && /^的?(?:报告|材料|总结|汇报|述职|范文|稿)/.test(after) && /(?:参照|参考|照着|按照|仿照|对照|根据|比照)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const y = m[1] ?? m[2]!;
    const year = /^\d+$/.test(y) ? Number(y) : y === '去年' ? thisYear - 1 : y === '明年' ? thisYear + 1 : thisYear;
    // What follows the year decides ("2022年度" is annual even if 上半年 appears later); a bare
    // year takes a half/quarter word from elsewhere ("2025年意识形态工作，上半年…").
    return { period: { year, span: (m[3] ? findSpan(m[3]) : findSpan(text)) ?? 'year' }, relative: !/^\d+$/.test(y), index: m.index };
  }
  return null;
}

/** How sure the critic is of a report's period: only a title with a written year is sure. */
export type PeriodConfidence = 'high' | 'low';

export interface FoundPeriod {
  period: ReportPeriod;
  confidence: PeriodConfidence;
  from: 'title' | 'opening';
}

/**
 * The period a report covers: from its title first, else from its opening paragraph (low
 * confidence: the opening often starts with "今年以来" or a history). Page chrome must be
 * removed by the caller; "X年以来" is never the period.
 */
export function findReportPeriod(title: string | null, opening: string | null, now: Date = new Date()): FoundPeriod | null {
  if (title) {
    const m = findPeriodMatch(title, now);
    if (m) return { period: m.period, confidence: m.relative ? 'low' : 'high', from: 'title' };
  }
  if (opening) {
    const head = opening.slice(0, 120);
    const m = findPeriodMatch(head, now);
    if (m) {
      // The span may be named in the title even when the year is only in the opening.
      const span = title ? findSpan(title) ?? (/年度|全年/.test(title) ? 'year' : null) : null;
      return { period: { year: m.period.year, span: span ?? m.period.span }, confidence: 'low', from: 'opening' };
    }
  }
  return null;
}

/** A span from the months a record covers: one half, else the year. */
function spanOfMonths(months: readonly number[]): PeriodSpan {
  if (months.length && months.every((m) => m <= 6)) return 'H1';
  if (months.length && months.every((m) => m >= 7)) return 'H2';
  return 'year';
}

// 2025年3月12日, 2025-03-12, 2025.3.12, 2025/3/12, 2025年3月: a dated entry.
const DATED = /(20\d{2})\s*(?:年\s*|[-/.．])(\d{1,2})\s*(?:月|[-/.．]\d{1,2}|(?=\D))/g;
// 3月12日, 3月: an entry dated within the title's year.
const MONTH_ONLY = /(?<![\d年./\-．])(\d{1,2})\s*月/g;

/**
 * The period a record of facts (a 台账, a ledger sheet, a list of activities) covers:
 * a written year in its title (first lines, then its file name) with the half or quarter
 * the title names, else the months of its entries; without a title year, the year most of
 * its dated entries carry and the months of those. Never relative words (今年): a record
 * is read after the year it was kept. Null when it names no year.
 */
export function recordsPeriod(text: string, name = ''): ReportPeriod | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const titles = [...lines.slice(0, 3).filter((l) => l.length <= 60), name.replace(/\.[A-Za-z0-9]+$/, '')];
  const byYear = new Map<number, number[]>();
  for (const m of text.matchAll(DATED)) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    const y = Number(m[1]);
    byYear.set(y, [...(byYear.get(y) ?? []), month]);
  }
  for (const t of titles) {
    const m = findPeriodMatch(t, new Date(0));
    if (!m || m.relative) continue;
    const named = /年度|全年/.test(t) ? 'year' : findSpan(t);
    if (named) return { year: m.period.year, span: named };
    // A bare year: the entries' months say which part of it the record covers.
    const months = [...(byYear.get(m.period.year) ?? []), ...[...text.replace(DATED, '').matchAll(MONTH_ONLY)].map((x) => Number(x[1])).filter((n) => n >= 1 && n <= 12)];
    return { year: m.period.year, span: spanOfMonths(months) };
  }
  const years = [...byYear.entries()].sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
  const top = years[0];
  if (!top) return null;
  return { year: top[0], span: spanOfMonths(top[1]) };
}
