/**
 * The outline model: title, opening, parts (一、) with sections (（一）) and points.
 * Parsed from model output, checked against the genre skeleton, rendered with
 * GB/T 9704 markers, or built offline from the genre and theme tables.
 */
import { getGenre, placeholder, unitVoice, type Genre } from './genres.js';
import { headingMarker, parseHeading, toChineseNumeral } from './headings.js';
import { classifyPart, partSpec, type PartId } from './parts.js';
import { findPeriod, periodLabel, type ReportPeriod } from './period.js';
import { POST_WORD, requestOpening, requestTitle, type ReportRequest } from './request.js';
import { getTheme, themeOf, type ThemeId } from './themes.js';

export interface OutlineSection {
  heading: string;
  points: string[];
  /** The number the source wrote, when parsed (for the continuity check). */
  number?: number;
}

export interface OutlinePart {
  heading: string;
  /** Role of the part; null when the heading matches none. */
  partId: PartId | null;
  sections: OutlineSection[];
  /** Points directly under the part (no sections). */
  points: string[];
  number?: number;
}

export interface Outline {
  title: string;
  opening?: string;
  parts: OutlinePart[];
  /** Lines that are neither title, opening, heading nor point (chat text, notes, Markup): named by the check. */
  stray?: string[];
}

/** Text that belongs to no outline element: talk to the user, notes, length remarks, leftover Markup. */
const STRAY = /您|供参考|请随时|告诉我|希望(?:以上|这|对)|字数|^[（(]?(?:注|说明|提示|备注)[：:]|[*#|>`]|<\/?think>|^以下(?:是|为)/;

/** Strip Markdown decoration a model adds: #, **bold**, bullets, quotes. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*[-*+•·]\s+/, '')
    .replace(/`/g, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Split "（一）压实主体责任，健全领导体制。具体内容……" into heading and trailing text. */
function splitHeading(title: string): { heading: string; rest: string } {
  const m = /^(.*?)(?:[。：:]|——)(.*)$/.exec(title);
  if (m && m[1]!.length >= 2) return { heading: m[1]!.trim(), rest: m[2]!.trim() };
  return { heading: title.replace(/[。；;]$/, '').trim(), rest: '' };
}

const TITLE_WORDS = /(报告|汇报|总结|述职|计划|情况)$/;

export function parseOutline(text: string): Outline {
  const outline: Outline = { title: '', parts: [] };
  const openingLines: string[] = [];
  let part: OutlinePart | null = null;
  let section: OutlineSection | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    if (/^\s*(```|---+|\*\*\*+)\s*$/.test(rawLine)) continue;
    const line = stripMarkdown(rawLine);
    if (!line) continue;
    if (STRAY.test(rawLine.replace(/^\s*(?:#{1,6}\s|>\s?|[-*+]\s)/, '').replace(/\*\*/g, ''))) {
      (outline.stray ??= []).push(line);
      continue;
    }
    const h = parseHeading(line);
    if (h && h.level === 1) {
      const { heading, rest } = splitHeading(h.title);
      part = { heading, partId: classifyPart(heading), sections: [], points: [], number: h.number };
      if (rest) part.points.push(rest);
      outline.parts.push(part);
      section = null;
      continue;
    }
    if (h && h.level === 2 && part) {
      const { heading, rest } = splitHeading(h.title);
      section = { heading, points: [], number: h.number };
      if (rest) section.points.push(rest);
      part.sections.push(section);
      continue;
    }
    const point = h && (h.level === 3 || h.level === 4) ? h.title : line;
    if (part) {
      (section ? section.points : part.points).push(point);
      continue;
    }
    const labelled = /^(标题|题目)[：:]\s*(.+)$/.exec(line);
    if (labelled) {
      outline.title = labelled[2]!.trim();
      continue;
    }
    const bare = line.replace(/[（(]?(提纲|大纲|初稿)[）)]?$/, '').trim();
    if (!outline.title && openingLines.length === 0 && TITLE_WORDS.test(bare) && bare.length <= 60 && !/[。：:，,]/.test(bare)) {
      outline.title = bare;
      continue;
    }
    openingLines.push(line.replace(/^(开头|导语|开篇|引言|开头段)[：:]\s*/, ''));
  }
  const opening = openingLines.join('').trim();
  if (opening) outline.opening = opening;
  return outline;
}

/** Halves of a 对仗 heading: "压实主体责任，健全领导体制" → [6, 6]. */
export function headingHalves(heading: string): string[] {
  return heading.replace(/[。；;]$/, '').split(/[，,；;]/).map((s) => s.trim()).filter(Boolean);
}

const partName = (p: OutlinePart, i: number) => `第${toChineseNumeral(i + 1)}部分“${p.heading}”`;

const quote = (s: string, n = 30) => `“${s.length > n ? `${s.slice(0, n)}…` : s}”`;

/** The formula an opening ends with (现将有关情况报告如下：), if it has one. */
export function closingFormula(opening: string): string | undefined {
  return /[^。；！？，,]*如下[：:]?\s*$/.exec(opening.trim())?.[0]?.trim() || undefined;
}

/**
 * The genre's own shape (design §3.1 and its variants): the title's kind word, the writer's post in a
 * personal title, the period's year, the opening's closing formula and each part's heading in the
 * genre's words. `req` adds what only the request knows (period, post, the title to propose).
 */
export function genreDefects(outline: Outline, genre: Genre, req?: ReportRequest): string[] {
  const out: string[] = [];
  const period: ReportPeriod | undefined = req?.period;
  const title = outline.title.trim();
  const expected = req && req.genre === genre.id ? `，如${quote(requestTitle(req), 60)}` : '';
  // Without the request, the title's own period stands in (next year's plan is named from it).
  const p = period ?? findPeriod(title) ?? { year: 2000, span: 'year' as const };
  if (title) {
    if (!genre.titleFits(title, p)) out.push(`标题${quote(title, 40)}不是${genre.short}的写法：${genre.titleRule(p)}${expected}`);
    if (period) {
      const years = [...title.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
      if (!years.length) out.push(`标题缺少报告时段，应写明${periodLabel(period)}`);
      else if (!years.includes(period.year)) out.push(`标题中的年份（${years.join('、')}年）与报告时段${periodLabel(period)}不符`);
    }
    const post = req?.post;
    if (post && genre.person === 'first' && !mentionsPost(title, post)) out.push(`标题缺少汇报人的职务“${post}”${expected}`);
  }
  if (outline.opening) {
    const formula = closingFormula(outline.opening);
    if (!formula) out.push(`开头段缺少承启语，应以“${genre.closing}”结尾`);
    else if (!genre.closingFits.test(formula)) out.push(`开头段以“${formula}”结尾，${genre.short}应写作“${genre.closing}”`);
  }
  for (const gp of genre.parts) {
    if (!gp.fits) continue;
    outline.parts.forEach((part, i) => {
      if (part.partId !== gp.part || gp.fits!(part.heading, p)) return;
      const suggest = period ? `，应写作“${gp.heading(period)}”` : '';
      out.push(`${partName(part, i)}的标题不合${genre.short}的写法：${gp.rule?.(p) ?? `应写作“${gp.heading(p)}”`}${suggest}`);
    });
  }
  return out;
}

/** A title names the post when it has it whole, or its office with the last characters of the unit (县委宣传部部长 → 宣传部部长). */
function mentionsPost(title: string, post: string): boolean {
  const t = title.replace(/\s|中共/g, '');
  const p = post.replace(/\s|中共/g, '');
  if (t.includes(p)) return true;
  const office = new RegExp(`[^、]{0,3}${POST_WORD}$`).exec(p.split('、').pop() ?? p)?.[0];
  return !!office && t.includes(office);
}

/** Defects of an outline against its genre, as Chinese lines for the writer and the repair prompt. */
export function checkOutline(outline: Outline, genre: Genre, req?: ReportRequest): string[] {
  const defects: string[] = [];
  if (!outline.title.trim()) defects.push('缺少标题');
  for (const l of outline.stray ?? []) defects.push(`“${l.length > 30 ? `${l.slice(0, 30)}…` : l}”既不是标题、开头段、各级标题，也不是要点，应删去`);
  if (outline.parts.length === 0) {
    defects.push('没有识别到“一、二、三、”一级标题');
    return defects;
  }
  outline.parts.forEach((p, i) => {
    if (p.number !== undefined && p.number !== i + 1) defects.push(`一级标题序号不连续：第${i + 1}个一级标题写成了“${headingMarker(1, p.number)}”`);
    const nums = p.sections.map((s) => s.number).filter((n): n is number => n !== undefined);
    nums.forEach((n, j) => {
      if (n !== j + 1) defects.push(`${partName(p, i)}的二级标题序号不连续：第${j + 1}个写成了“${headingMarker(2, n)}”`);
    });
  });

  // Required parts, in order.
  const found = outline.parts.map((p) => p.partId);
  let last = -1;
  for (const gp of genre.parts) {
    const idx = found.indexOf(gp.part);
    const label = partSpec(gp.part).canonical;
    if (idx < 0) {
      const heading = req ? gp.heading(req.period) : gp.heading({ year: 2000, span: 'year' }).replace('2000年', '本年').replace('2001年', '下一年');
      defects.push(`缺少“${label}”部分（可用标题：${heading}）`);
      continue;
    }
    if (idx < last) defects.push(`“${label}”部分的位置不对，各部分应按“工作开展情况、存在问题、下一步打算”的顺序排列`);
    last = Math.max(last, idx);
  }

  const practice = outline.parts.find((p) => p.partId === 'practice');
  const practiceSpec = genre.parts.find((g) => g.part === 'practice');
  if (practice && practiceSpec) {
    const n = practice.sections.length;
    if (n < practiceSpec.min || n > practiceSpec.max) defects.push(`“${practice.heading}”部分有${n}个二级标题，应为${practiceSpec.min}至${practiceSpec.max}个`);
    practice.sections.forEach((s, j) => {
      if (s.points.length === 0) defects.push(`“${practice.heading}”部分的${headingMarker(2, j + 1)}“${s.heading}”下没有要点`);
    });
    const halves = practice.sections.map((s) => headingHalves(s.heading));
    const paired = halves.filter((h) => h.length === 2);
    halves.forEach((h, j) => {
      // 对仗 is a preference: only a clear mismatch (two or more characters) is worth a remark.
      if (h.length === 2 && Math.abs(h[0]!.length - h[1]!.length) >= 2) {
        defects.push(`二级标题${headingMarker(2, j + 1)}“${practice.sections[j]!.heading}”前后两句字数不等（${h[0]!.length}字、${h[1]!.length}字），应改为字数相等的对仗句`);
      }
    });
    if (paired.length > 0 && paired.length < halves.length) defects.push(`“${practice.heading}”部分的二级标题句式不统一，应都采用“四字/六字 + 逗号 + 同字数短语”的对仗形式`);
  }

  const problems = outline.parts.find((p) => p.partId === 'problems');
  const plans = outline.parts.find((p) => p.partId === 'plans');
  if (problems && plans) {
    const probItems = problems.sections.length ? problems.sections.map((s) => [s.heading, ...s.points].join('')) : problems.points;
    const planItems = plans.sections.length ? plans.sections.map((s) => [s.heading, ...s.points].join('')) : plans.points;
    if (probItems.length > planItems.length) {
      defects.push(`“${problems.heading}”列了${probItems.length}条，“${plans.heading}”只有${planItems.length}条，措施应与问题一一对应`);
    }
    const planThemes = new Set(planItems.map(themeOf).filter((t): t is ThemeId => t !== null));
    probItems.forEach((item, j) => {
      const t = themeOf(item);
      if (t && planThemes.size > 0 && !planThemes.has(t)) {
        const heading = problems.sections[j]?.heading ?? item.slice(0, 20);
        defects.push(`问题${headingMarker(2, j + 1)}“${heading}”（${getTheme(t).name}）在“${plans.heading}”中没有对应的措施`);
      }
    });
  }
  defects.push(...genreDefects(outline, genre, req));
  return defects;
}

/** Render with GB/T 9704 markers: 一、 → （一） → 1. */
export function renderOutline(outline: Outline): string {
  const lines: string[] = [];
  if (outline.title) lines.push(outline.title, '');
  if (outline.opening) lines.push(outline.opening, '');
  outline.parts.forEach((p, i) => {
    lines.push(`${headingMarker(1, i + 1)}${p.heading}`);
    p.points.forEach((pt, k) => lines.push(`${headingMarker(3, k + 1)}${pt}`));
    p.sections.forEach((s, j) => {
      lines.push(`${headingMarker(2, j + 1)}${s.heading}`);
      s.points.forEach((pt, k) => lines.push(`${headingMarker(3, k + 1)}${pt}`));
    });
  });
  return lines.join('\n').trim();
}

/**
 * Outline text as the writer will see it in the end: parsed and rendered, so points are
 * numbered per section (a Markdown list run on across sections says 3.…12.) and stray
 * lines are out. For the view of an outline still streaming; the text itself when nothing parses.
 */
export function layoutOutline(text: string): string {
  const { stray: _stray, ...kept } = parseOutline(text);
  return renderOutline(kept) || text;
}

/** How many practice sections fit the requested length. */
function practiceCount(req: ReportRequest, genre: Genre): number {
  const spec = genre.parts.find((g) => g.part === 'practice')!;
  const chars = req.length?.chars;
  const n = chars === undefined ? 4 : chars < 1500 ? 3 : chars < 3000 ? 4 : 5;
  return Math.max(spec.min, Math.min(spec.max, n, genre.defaultThemes.length + 4));
}

/** Themes for the practice part: those the facts speak of first, then the genre's defaults. */
function pickThemes(req: ReportRequest, genre: Genre): ThemeId[] {
  const n = practiceCount(req, genre);
  const fromFacts = req.facts.map(themeOf).filter((t): t is ThemeId => t !== null);
  const order: ThemeId[] = [];
  for (const t of [...genre.defaultThemes, ...fromFacts]) if (!order.includes(t)) order.push(t);
  const chosen = order.slice(0, n);
  // A theme the user gave facts for must not be dropped for a default one.
  for (const t of fromFacts) {
    if (!chosen.includes(t)) {
      const drop = [...chosen].reverse().find((c) => !fromFacts.includes(c));
      if (drop) chosen.splice(chosen.indexOf(drop), 1, t);
    }
  }
  return chosen;
}

/** First-person variant of a unit-level point for 述职/个人汇报. */
function personalise(point: string, genre: Genre, req: ReportRequest): string {
  if (genre.person !== 'first') return point.replace('党组（党委）', unitVoice(req.unit).party);
  const duty = req.role === 'deputy' ? '本人切实履行分管领域直接责任人职责，督促分管部门' : req.role === 'member' ? '本人认真落实“一岗双责”，督促分管部门' : '本人切实履行第一责任人职责，督促班子成员';
  return point
    .replace(/^党组（党委）书记履行第一责任人职责，班子成员/, duty)
    .replace('党组（党委）', '班子')
    .replace(/^将/, '带头将');
}

/** The outline the bot offers without a model: genre skeleton, theme points, user facts, visible placeholders. */
export function buildOfflineOutline(req: ReportRequest, genre: Genre = getGenre(req.genre), now: Date = new Date()): Outline {
  const themes = pickThemes(req, genre);
  const factsByTheme = new Map<ThemeId, string[]>();
  const loose: string[] = [];
  for (const f of req.facts) {
    const t = themeOf(f);
    if (t && themes.includes(t)) factsByTheme.set(t, [...(factsByTheme.get(t) ?? []), f]);
    else loose.push(f);
  }
  if (loose.length && themes[0]) factsByTheme.set(themes[0], [...(factsByTheme.get(themes[0]) ?? []), ...loose]);

  const who = genre.person === 'first' ? '本人' : unitVoice(req.unit).self;
  const parts: OutlinePart[] = genre.parts.map((gp) => {
    const heading = gp.heading(req.period);
    if (gp.part === 'practice') {
      return {
        heading,
        partId: 'practice',
        points: [],
        sections: themes.map((id) => {
          const t = getTheme(id);
          const facts = factsByTheme.get(id) ?? [];
          const points = [...t.points.slice(0, 2).map((p) => personalise(p, genre, req)), ...facts];
          if (facts.length === 0) points.push(`${placeholder(personalise(t.factSlots[0]!, genre, req))}等具体数据和事例`);
          return { heading: t.heading, points };
        }),
      };
    }
    const picked = themes.slice(0, Math.max(gp.min, Math.min(3, gp.max)));
    if (gp.part === 'problems') {
      return {
        heading,
        partId: 'problems',
        points: [],
        sections: picked.map((id) => {
          const t = getTheme(id);
          return { heading: t.problem.heading, points: [t.problem.detail, placeholder(`${who}在${t.name}方面的具体表现`)] };
        }),
      };
    }
    return {
      heading,
      partId: 'plans',
      points: [],
      sections: picked.map((id) => {
        const t = getTheme(id);
        return { heading: t.measure.heading, points: [t.measure.detail] };
      }),
    };
  });

  const own = { ...req, genre: genre.id };
  return { title: requestTitle(own), opening: requestOpening(own, now), parts };
}
