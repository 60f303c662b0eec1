// Section and revise services, plus the offline (rule-based) section texts.
import { isEmptyTarget, type ReviseOp, type SectionTarget } from '../../report/commands.js';
import { addressLabel, findSection, parseAddress, type ResolvedTarget, type SectionAddress } from '../../report/draft.js';
import { getGenre, placeholder, unitVoice, type Genre } from '../../report/genres.js';
import { headingMarker, parseHeading, toChineseNumeral } from '../../report/headings.js';
import { renderOutline, stripMarkdown, type Outline } from '../../report/outline.js';
import { partSpec } from '../../report/parts.js';
import { periodLabel } from '../../report/period.js';
import type { ReportRequest } from '../../report/request.js';
import { getTheme, themeOf } from '../../report/themes.js';
import {
  factsText, partChars, personLabel, reportSystemMessage, requireOutline, sectionChars, streamText, withPrefix, withSections,
  ReportFlowError, type FlowBase, type ReportThreadState, type SectionText,
} from './common.js';

// ---- sections ---------------------------------------------------------------

const joinSections = (xs: SectionText[]): string => xs.map((s) => `${s.label}\n${s.text}\n\n`).join('');

const endStop = (s: string) => (/[。！？]$/.test(s) ? s : `${s.replace(/[；;，,]$/, '')}。`);

/** Rule-based text for one section from its outline points (offline mode). */
export function offlineSectionText(outline: Outline, part: number, section: number | undefined, req: ReportRequest): string {
  const p = outline.parts[part - 1];
  if (!p) return '';
  const s = section !== undefined ? p.sections[section - 1] : undefined;
  const points = s ? s.points : p.points;
  const heading = s?.heading ?? p.heading;
  const theme = themeOf([heading, ...points].join(''));
  const who = getGenre(req.genre).person === 'first' ? '本人' : unitVoice(req.unit).self;
  if (p.partId === 'problems') {
    const body = points.length ? points.map(endStop).join('') : endStop(theme ? getTheme(theme).problem.detail : heading);
    return /待补充/.test(body) ? body : `${body}${placeholder(`结合${who}实际的具体表现`)}。`;
  }
  if (p.partId === 'plans') {
    const body = points.length ? points.map(endStop).join('') : endStop(theme ? getTheme(theme).measure.detail : heading);
    return `${body}${placeholder('具体措施、责任部门和时间安排')}。`;
  }
  const lines = points.length ? points : theme ? [...getTheme(theme).points] : [heading];
  const ordered = lines.slice(0, 9).map((pt, i) => `${toChineseNumeral(i + 1)}是${endStop(pt.replace(/^[一二三四五六七八九十]是/, ''))}`);
  const withData = lines.some((l) => /\d|待补充/.test(l)) ? '' : `${placeholder(theme ? getTheme(theme).factSlots[0]! : '具体数据和事例')}。`;
  return `${ordered.join('')}${withData}`;
}

/** Drop Markdown, a repeated heading line and blank lines from a model's section text. */
export function cleanSectionText(text: string, heading: string): string {
  const lines = text.split(/\r?\n/).map(stripMarkdown).filter(Boolean);
  while (lines.length) {
    const first = lines[0]!;
    const h = parseHeading(first);
    if ((h && (h.level <= 2) && first.length <= heading.length + 8) || first === heading) lines.shift();
    else break;
  }
  return lines.join('\n').trim();
}

/** Split a part written by the model ("（一）标题\n正文…") into section texts by heading order. */
export function splitPartText(text: string, sectionCount: number): { intro: string; sections: string[] } {
  const sections: string[][] = [];
  const intro: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = stripMarkdown(raw);
    if (!line) continue;
    const h = parseHeading(line);
    if (h?.level === 1) continue;
    if (h?.level === 2) {
      sections.push([]);
      const rest = /^.*?[。：:](.+)$/.exec(h.title)?.[1];
      if (rest) sections[sections.length - 1]!.push(rest.trim());
      continue;
    }
    (sections.length ? sections[sections.length - 1]! : intro).push(line);
  }
  if (sections.length === 0 && sectionCount > 0) return { intro: '', sections: [intro.join('\n')] };
  return { intro: intro.join('\n'), sections: sections.map((s) => s.join('\n')) };
}

/** What a target that points nowhere asked for, so the writer sees which part or section is missing. */
function missing(outline: Outline, target: SectionTarget, verb: '写' | '修改'): string {
  const { partId, section } = target;
  const byRole = partId !== undefined ? outline.parts.findIndex((p) => p.partId === partId) + 1 : 0;
  if (partId !== undefined && byRole === 0) return `“${partSpec(partId).canonical}”部分`;
  const part = target.part ?? (byRole || undefined);
  if (part !== undefined) {
    const p = outline.parts[part - 1];
    if (!p) return `第${toChineseNumeral(part)}部分（提纲只有${outline.parts.length}个部分）`;
    return `“${headingMarker(1, part)}${p.heading}”的${headingMarker(2, section ?? 0)}（该部分有${p.sections.length}个二级标题）`;
  }
  if (section !== undefined) return `第${headingMarker(2, section)}点（各部分最多有${Math.max(0, ...outline.parts.map((p) => p.sections.length))}个二级标题）`;
  return `要${verb}的位置，请指明部分或小标题，例如“${verb === '写' ? '写第二部分' : '精简第一部分第（二）点'}”`;
}

function resolve(outline: Outline, target: SectionTarget, verb: '写' | '修改'): ResolvedTarget {
  const r = findSection(outline, target);
  if (!r) throw new ReportFlowError(`提纲中没有找到${missing(outline, target, verb)}。当前提纲共${outline.parts.length}个部分：${outline.parts.map((p, i) => `${headingMarker(1, i + 1)}${p.heading}`).join('；')}。`);
  return r;
}

export interface SectionsResult {
  sections: SectionText[];
  state: ReportThreadState;
}

export interface DraftSectionArgs extends FlowBase {
  state: ReportThreadState;
  target: SectionTarget;
  /** Called before each section of a multi-section target: (index, total). */
  onProgress?: (index: number, total: number) => void;
}

/** Draft the addressed section, or every section of an addressed part, one model call each. */
export async function draftSection(a: DraftSectionArgs): Promise<SectionsResult> {
  const outline = requireOutline(a.state);
  const req = a.state.request;
  const genre = getGenre(req.genre);
  const r = resolve(outline, a.target, '写');
  const out: SectionText[] = [];
  for (const [i, addr] of r.covers.entries()) {
    a.onProgress?.(i + 1, r.covers.length);
    out.push(await draftOne(withPrefix(a, joinSections(out)), outline, req, genre, addr));
  }
  return { sections: out, state: withSections(a.state, out, a.now) };
}

async function draftOne(a: FlowBase, outline: Outline, req: ReportRequest, genre: Genre, addr: SectionAddress): Promise<SectionText> {
  const label = addressLabel(outline, addr);
  if (addr === 'opening') {
    const text = outline.opening ?? genre.opening({ unit: req.unit, period: req.period, now: a.now });
    a.onText?.(text, text);
    return { address: addr, label, text };
  }
  const { part, section } = parseAddress(addr);
  const p = outline.parts[part - 1]!;
  const s = section !== undefined ? p.sections[section - 1] : undefined;
  if (!a.model.online) {
    const text = offlineSectionText(outline, part, section, req);
    a.onText?.(text, text);
    return { address: addr, label, text };
  }
  const chars = section !== undefined ? sectionChars(req, outline, part - 1) : partChars(req, outline, part - 1);
  const user = a.prompts.render('section', {
    outline: renderOutline(outline),
    target: label,
    points: (s ? s.points : p.points).map((pt, i) => `${i + 1}. ${pt}`).join('\n') || '（提纲中未列要点，按标题展开）',
    period: periodLabel(req.period),
    person: personLabel(genre, req),
    chars: String(chars),
    facts: factsText(req),
  });
  const raw = await streamText(a, [reportSystemMessage(a, req), { role: 'user', content: user }]);
  return { address: addr, label, text: cleanSectionText(raw, s?.heading ?? p.heading) };
}

const OP_INSTRUCTION: Record<ReviseOp, string> = {
  expand: '在原文基础上展开充实：补充具体做法、工作机制和成效表述，层次更清楚；新增内容需要数字或事例而用户未提供时写成【待补充：……】占位',
  condense: '精简压缩：保留核心做法、全部用户事实和【待补充：……】占位，删去重复、空泛的表述',
  rewrite: '重新改写：保持原意和全部事实，调整结构和措辞，使表述更规范、更具体，去掉套话和空话',
};

export interface ReviseSectionArgs extends FlowBase {
  state: ReportThreadState;
  target: SectionTarget;
  op: ReviseOp;
  chars?: number;
  onProgress?: (index: number, total: number) => void;
}

/** Expand, condense or rewrite drafted text; a whole part is revised section by section. */
export async function reviseSection(a: ReviseSectionArgs): Promise<SectionsResult> {
  const outline = requireOutline(a.state);
  const req = a.state.request;
  const last = a.state.lastAddresses ?? [];
  // No target named: revise what was written last.
  const r: ResolvedTarget = isEmptyTarget(a.target) && last.length
    ? { address: last[0]!, part: parseAddress(last[0]!).part, label: last.map((x) => addressLabel(outline, x)).join('、'), covers: last }
    : resolve(outline, a.target, '修改');
  // The text to revise: the drafted one, or for the opening the outline's.
  const textOf = (addr: SectionAddress): string | undefined => a.state.draft.sections[addr] ?? (addr === 'opening' ? outline.opening : undefined);
  const covers = r.covers.filter((addr) => textOf(addr) !== undefined);
  if (covers.length === 0) {
    throw new ReportFlowError(`“${r.label}”还没有起草正文，请先发送“写${r.part ? `第${toChineseNumeral(r.part)}部分` : '开头'}”。`);
  }
  const out: SectionText[] = [];
  for (const [i, addr] of covers.entries()) {
    a.onProgress?.(i + 1, covers.length);
    const current = textOf(addr)!;
    const target = a.chars !== undefined ? Math.max(50, Math.round(a.chars / covers.length)) : defaultRevisedLength(a.op, current);
    const label = addressLabel(outline, addr);
    if (!a.model.online) {
      const text = offlineRevise(a.op, current, target, outline, addr, req);
      a.onText?.(text, text);
      out.push({ address: addr, label, text });
      continue;
    }
    const user = a.prompts.render('revise', {
      instruction: OP_INSTRUCTION[a.op],
      chars: String(target),
      target: label,
      outline: renderOutline(outline),
      text: current,
      facts: factsText(req),
    });
    const raw = await streamText(withPrefix(a, joinSections(out)), [reportSystemMessage(a, req), { role: 'user', content: user }]);
    const { part, section } = parseAddress(addr);
    const heading = section ? outline.parts[part - 1]?.sections[section - 1]?.heading ?? '' : outline.parts[part - 1]?.heading ?? '';
    out.push({ address: addr, label, text: cleanSectionText(raw, heading) });
  }
  return { sections: out, state: withSections(a.state, out, a.now) };
}

const visibleLength = (s: string) => s.replace(/\s/g, '').length;

function defaultRevisedLength(op: ReviseOp, text: string): number {
  const n = visibleLength(text);
  return op === 'expand' ? Math.round(n * 1.6) : op === 'condense' ? Math.round(n * 0.6) : n;
}

/** Rule-based revision: condense keeps whole sentences (and all placeholders) up to the length; expand adds the theme's remaining points. */
export function offlineRevise(op: ReviseOp, text: string, chars: number, outline: Outline, addr: SectionAddress, req: ReportRequest): string {
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [text];
  if (op === 'condense') {
    const kept: string[] = [];
    let len = 0;
    for (const s of sentences) {
      const must = /待补充|\d/.test(s) && req.facts.some((f) => s.includes(f.slice(0, 6)));
      if (len + visibleLength(s) <= chars || must || kept.length === 0) {
        kept.push(s);
        len += visibleLength(s);
      }
    }
    return kept.join('').trim();
  }
  const { part, section } = parseAddress(addr);
  if (op === 'rewrite') return addr === 'opening' ? text : offlineSectionText(outline, part, section, req);
  const heading = section ? outline.parts[part - 1]?.sections[section - 1]?.heading ?? '' : '';
  const theme = themeOf(heading + text);
  const extra = theme ? getTheme(theme).points.filter((p) => !text.includes(p.slice(0, 8))) : [];
  let out = text.trim();
  for (const p of extra) {
    if (visibleLength(out) >= chars) break;
    out += `同时，${endStop(p)}`;
  }
  if (visibleLength(out) < chars) out += `${placeholder('典型事例、具体数据和取得的成效')}。`;
  return out;
}
