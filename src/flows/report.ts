/**
 * Report drafting services, independent of Feishu and the queue: outline, section,
 * revision and full draft. Online they stream the model; offline (model.online false)
 * they build the text from the genre and theme tables with visible placeholders.
 * State is a plain serialisable object the caller persists per thread.
 */
import type { ChatMessage, ChatModel } from '../llm/chat-model.js';
import type { PromptLibrary } from '../llm/prompts.js';
import type { DraftCommand, ReviseOp, SectionTarget } from '../report/commands.js';
import { assembleDraft, chineseDate, findSection, partAddress, sectionAddress, type Draft, type ResolvedTarget, type SectionAddress } from '../report/draft.js';
import { getGenre, placeholder, unitVoice, issuerName, type Genre } from '../report/genres.js';
import { headingMarker, parseHeading } from '../report/headings.js';
import { buildOfflineOutline, checkOutline, guidanceFor, parseOutline, renderOutline, stripMarkdown, type Outline } from '../report/outline.js';
import { periodLabel } from '../report/period.js';
import type { ReportRequest } from '../report/request.js';
import { getTheme, THEMES, themeOf } from '../report/themes.js';
import { systemMessage } from './system-prompt.js';

/** Per-thread state; JSON-safe so it can live in Redis as is. */
export interface ReportThreadState {
  version: 1;
  request: ReportRequest;
  outline?: Outline;
  draft: Draft;
  /** Addresses written by the last section/revise command: what “再精简一点” refers to. */
  lastAddresses?: SectionAddress[];
  /** ISO time of the last change. */
  updatedAt: string;
}

export function newThreadState(request: ReportRequest, now: Date): ReportThreadState {
  return { version: 1, request, draft: { sections: {} }, updatedAt: now.toISOString() };
}

/** Raised for situations the writer must act on; `message` is user-facing Chinese. */
export class ReportFlowError extends Error {}

/** Streaming callback: the new delta and the text so far (restarts on a repair round). */
export type OnText = (delta: string, full: string) => void;

interface FlowBase {
  model: ChatModel;
  prompts: PromptLibrary;
  now: Date;
  /** IANA zone for the date in the system prompt. */
  timezone?: string;
  signal?: AbortSignal;
  onText?: OnText;
}

const DEFAULT_CHARS: Record<string, number> = { 'unit-report': 3000, 'leader-report': 2000, 'duty-report': 2500, 'self-check': 2500, 'summary-plan': 3500 };
// Share of the whole length each part gets.
const PART_SHARE: Record<string, number> = { practice: 0.6, problems: 0.15, plans: 0.25 };

function totalChars(req: ReportRequest): number {
  return req.length?.chars ?? DEFAULT_CHARS[req.genre] ?? 3000;
}

function partChars(req: ReportRequest, outline: Outline, partIndex: number): number {
  const part = outline.parts[partIndex];
  const share = PART_SHARE[part?.partId ?? ''] ?? 1 / Math.max(1, outline.parts.length);
  return Math.max(150, Math.round((totalChars(req) * share) / 10) * 10);
}

function sectionChars(req: ReportRequest, outline: Outline, partIndex: number): number {
  const n = Math.max(1, outline.parts[partIndex]?.sections.length ?? 1);
  return Math.max(100, Math.round(partChars(req, outline, partIndex) / n / 10) * 10);
}

function reportSystemMessage(f: FlowBase, req: ReportRequest): ChatMessage {
  return systemMessage(f.prompts, f.now, f.timezone ?? 'Asia/Shanghai', guidanceFor(req, f.now));
}

/** The same flow args, with onText showing `prefix` before the streamed text (multi-section progress). */
function withPrefix<T extends FlowBase>(f: T, prefix: string): T {
  const onText = f.onText;
  if (!onText || !prefix) return f;
  return { ...f, onText: (d: string, full: string) => onText(d, `${prefix}${full}`) };
}

const joinSections = (xs: SectionText[]): string => xs.map((s) => `${s.label}\n${s.text}\n\n`).join('');

async function streamText(f: FlowBase, messages: ChatMessage[]): Promise<string> {
  let full = '';
  for await (const delta of f.model.stream({ messages, ...(f.signal ? { signal: f.signal } : {}), temperature: 0.4 })) {
    full += delta;
    f.onText?.(delta, full);
  }
  return full;
}

const personLabel = (g: Genre, req: ReportRequest): string => {
  if (g.person === 'first') return '第一人称（我、本人）';
  const v = unitVoice(req.unit);
  return `单位口吻（${v.self}、${v.party}）`;
};

const factsText = (req: ReportRequest): string => (req.facts.length ? req.facts.map((f, i) => `${i + 1}. ${f}`).join('\n') : '（用户未提供具体事实，所有数字和事例一律写成【待补充：……】占位）');

function skeletonText(g: Genre, req: ReportRequest): string {
  return g.parts.map((p, i) => `${headingMarker(1, i + 1)}${p.heading(req.period)}（二级标题${p.min}至${p.max}个）`).join('\n');
}

function themesText(): string {
  return THEMES.map((t) => `- ${t.name}：要点如“${t.points.join('”“')}”；常见问题“${t.problem.heading}”，对应措施“${t.measure.heading}”`).join('\n');
}

export interface OutlineResult {
  outline: Outline;
  /** The outline as shown to the writer (GB/T 9704 markers). */
  text: string;
  repaired: boolean;
  /** Defects left after the (optional) repair round. */
  defects: string[];
  /** True when the rule-based outline was used (offline, or the model output was unusable). */
  offline: boolean;
}

export interface DraftOutlineArgs extends FlowBase {
  request: ReportRequest;
  genre?: Genre;
  /** Called with the defects before the repair round starts. */
  onRepair?: (defects: string[]) => void;
}

/** Outline: stream, parse, check; one repair round with the specific defects; rule-based when offline. */
export async function draftOutline(a: DraftOutlineArgs): Promise<OutlineResult> {
  const req = a.request;
  const genre = a.genre ?? getGenre(req.genre);
  if (!a.model.online) return offlineOutline(a, req, genre);
  const rendered = a.prompts.render('outline', {
    request: req.text,
    genre: `${genre.name}：${genre.description}`,
    period: periodLabel(req.period),
    person: personLabel(genre, req),
    length: req.length ? `全文约${req.length.chars}字` : `全文约${totalChars(req)}字`,
    title: genre.title(req.unit, req.period),
    opening: genre.opening({ unit: req.unit, period: req.period, now: a.now }),
    closing: genre.closing,
    skeleton: skeletonText(genre, req),
    themes: themesText(),
    facts: factsText(req),
  });
  const system = reportSystemMessage(a, req);
  const first = await streamText(a, [system, { role: 'user', content: rendered }]);
  let outline = normaliseOutline(parseOutline(first), req, genre, a.now);
  let defects = checkOutline(outline, genre);
  let repaired = false;
  if (defects.length) {
    a.onRepair?.(defects);
    const repairPrompt = a.prompts.render('outline-repair', {
      defects: defects.map((d, i) => `${i + 1}. ${d}`).join('\n'),
      skeleton: skeletonText(genre, req),
      outline: first.trim(),
    });
    const second = await streamText(a, [system, { role: 'user', content: rendered }, { role: 'assistant', content: first }, { role: 'user', content: repairPrompt }]);
    const again = normaliseOutline(parseOutline(second), req, genre, a.now);
    if (again.parts.length) {
      outline = again;
      repaired = true;
      defects = checkOutline(outline, genre);
    }
  }
  if (outline.parts.length === 0) return { ...offlineOutline({ ...a, onText: undefined }, req, genre), repaired };
  return { outline, text: renderOutline(outline), repaired, defects, offline: false };
}

/** Fill what the model left out: the genre's title and opening. */
function normaliseOutline(o: Outline, req: ReportRequest, genre: Genre, now: Date): Outline {
  const out = { ...o };
  if (!out.title) out.title = genre.title(req.unit, req.period);
  if (!out.opening && out.parts.length) out.opening = genre.opening({ unit: req.unit, period: req.period, now });
  return out;
}

function offlineOutline(a: FlowBase, req: ReportRequest, genre: Genre): OutlineResult {
  const outline = buildOfflineOutline(req, genre, a.now);
  const text = renderOutline(outline);
  a.onText?.(text, text);
  return { outline, text, repaired: false, defects: checkOutline(outline, genre), offline: true };
}

// ---- sections ---------------------------------------------------------------

const ORDINALS = '一二三四五六七八九十';
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
  const ordered = lines.slice(0, 9).map((pt, i) => `${ORDINALS[i]}是${endStop(pt.replace(/^[一二三四五六七八九十]是/, ''))}`);
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

function requireOutline(state: ReportThreadState): Outline {
  if (!state.outline) throw new ReportFlowError('还没有提纲，请先发送“列提纲”或直接描述要写的报告。');
  return state.outline;
}

function resolve(outline: Outline, target: SectionTarget): ResolvedTarget {
  const r = findSection(outline, target);
  if (!r) throw new ReportFlowError(`提纲中没有找到要写的位置。当前提纲共${outline.parts.length}个部分：${outline.parts.map((p, i) => `${headingMarker(1, i + 1)}${p.heading}`).join('；')}。`);
  return r;
}

const parseAddress = (addr: SectionAddress): { part: number; section?: number } => {
  const m = /^p(\d+)(?:\.s(\d+))?$/.exec(addr);
  if (!m) return { part: 0 };
  return m[2] ? { part: Number(m[1]), section: Number(m[2]) } : { part: Number(m[1]) };
};

const addressLabel = (outline: Outline, addr: SectionAddress): string => {
  if (addr === 'opening') return '开头段';
  const { part, section } = parseAddress(addr);
  const p = outline.parts[part - 1];
  if (!p) return addr;
  const head = `${headingMarker(1, part)}${p.heading}`;
  return section ? `${head} ${headingMarker(2, section)}${p.sections[section - 1]?.heading ?? ''}` : head;
};

export interface SectionText {
  address: SectionAddress;
  label: string;
  text: string;
}

export interface SectionsResult {
  sections: SectionText[];
  state: ReportThreadState;
}

function withSections(state: ReportThreadState, sections: SectionText[], now: Date): ReportThreadState {
  const next = { ...state.draft.sections };
  for (const s of sections) next[s.address] = s.text;
  return { ...state, draft: { sections: next }, lastAddresses: sections.map((s) => s.address), updatedAt: now.toISOString() };
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
  const r = resolve(outline, a.target);
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
  const untargeted = a.target.part === undefined && a.target.partId === undefined && a.target.section === undefined && !a.target.opening;
  const last = a.state.lastAddresses ?? [];
  // No target named: revise what was written last.
  const r: ResolvedTarget = untargeted && last.length
    ? { address: last[0]!, part: parseAddress(last[0]!).part, label: last.map((x) => addressLabel(outline, x)).join('、'), covers: last }
    : resolve(outline, a.target);
  const missing = r.covers.filter((addr) => addr !== 'opening' && a.state.draft.sections[addr] === undefined);
  if (missing.length === r.covers.length && !(r.address === 'opening' && outline.opening)) {
    throw new ReportFlowError(`“${r.label}”还没有起草正文，请先发送“写${r.part ? `第${headingMarker(1, r.part).replace('、', '')}部分` : '开头'}”。`);
  }
  const out: SectionText[] = [];
  const covers = r.covers.filter((addr) => !missing.includes(addr));
  for (const [i, addr] of covers.entries()) {
    a.onProgress?.(i + 1, covers.length);
    const current = a.state.draft.sections[addr] ?? (addr === 'opening' ? outline.opening ?? '' : '');
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

export interface DraftFullArgs extends FlowBase {
  state: ReportThreadState;
  /** After each part: (partsDone, total). */
  onProgress?: (done: number, total: number) => void;
  /** Sign-off date; defaults to today. */
  date?: string;
}

export interface FullResult {
  text: string;
  state: ReportThreadState;
}

/** Full draft, one part at a time (so the card can show progress), then assembled with title and sign-off. */
export async function draftFull(a: DraftFullArgs): Promise<FullResult> {
  let state = a.state;
  if (!state.outline) {
    const o = await draftOutline({ ...a, onText: undefined, request: state.request });
    state = { ...state, outline: o.outline };
  }
  const outline = state.outline!;
  const req = state.request;
  const genre = getGenre(req.genre);
  const texts: SectionText[] = [];
  const opening = outline.opening ?? genre.opening({ unit: req.unit, period: req.period, now: a.now });
  texts.push({ address: 'opening', label: '开头段', text: opening });
  const total = outline.parts.length;
  // What the card shows while later parts stream.
  let doneText = `${outline.title}\n\n${opening}\n`;
  for (const [i, part] of outline.parts.entries()) {
    const partNo = i + 1;
    if (!a.model.online) {
      if (part.sections.length === 0) texts.push({ address: partAddress(partNo), label: part.heading, text: offlineSectionText(outline, partNo, undefined, req) });
      part.sections.forEach((_s, j) => texts.push({ address: sectionAddress(partNo, j + 1), label: addressLabel(outline, sectionAddress(partNo, j + 1)), text: offlineSectionText(outline, partNo, j + 1, req) }));
    } else {
      const user = a.prompts.render('full', {
        outline: renderOutline(outline),
        part: `${headingMarker(1, partNo)}${part.heading}`,
        period: periodLabel(req.period),
        person: personLabel(genre, req),
        chars: String(partChars(req, outline, i)),
        facts: factsText(req),
      });
      const raw = await streamText(withPrefix(a, `${doneText}${headingMarker(1, partNo)}${part.heading}\n`), [reportSystemMessage(a, req), { role: 'user', content: user }]);
      const split = splitPartText(raw, part.sections.length);
      if (part.sections.length === 0) texts.push({ address: partAddress(partNo), label: part.heading, text: [split.intro, ...split.sections].filter(Boolean).join('\n') });
      else {
        if (split.intro) texts.push({ address: partAddress(partNo), label: part.heading, text: split.intro });
        part.sections.forEach((_s, j) => {
          const t = split.sections[j];
          if (t) texts.push({ address: sectionAddress(partNo, j + 1), label: addressLabel(outline, sectionAddress(partNo, j + 1)), text: t });
        });
      }
    }
    doneText += `${headingMarker(1, partNo)}${part.heading}\n${texts.filter((t) => t.address === partAddress(partNo) || t.address.startsWith(`${partAddress(partNo)}.`)).map((t) => t.text).join('\n')}\n\n`;
    a.onProgress?.(partNo, total);
  }
  state = withSections(state, texts, a.now);
  const text = assembleDraft(outline, state.draft, { unit: signOff(req), date: a.date ?? chineseDate(a.now) });
  a.onText?.(text, text);
  return { text, state };
}

/** The assembled text of whatever is drafted so far (for export). */
export function currentDraftText(state: ReportThreadState, now: Date): string {
  const outline = requireOutline(state);
  const req = state.request;
  return assembleDraft(outline, state.draft, { unit: signOff(req), date: chineseDate(now) });
}

/** Who signs: the issuing Party body for unit genres, the person for personal ones. */
export function signOff(req: ReportRequest): string {
  if (getGenre(req.genre).person === 'first') return placeholder('姓名及职务');
  return req.unit.name ? issuerName(req.unit) : placeholder('单位名称');
}

/** Dispatch a parsed drafting command to the matching service (export is the caller's job). */
export async function runDraftCommand(cmd: Exclude<DraftCommand, { kind: 'export' }>, a: FlowBase & { state: ReportThreadState; onProgress?: (i: number, n: number) => void }): Promise<{ text: string; state: ReportThreadState }> {
  switch (cmd.kind) {
    case 'outline': {
      const o = await draftOutline({ ...a, request: a.state.request });
      return { text: o.text, state: { ...a.state, outline: o.outline, updatedAt: a.now.toISOString() } };
    }
    case 'section': {
      const r = await draftSection({ ...a, target: cmd.target });
      return { text: r.sections.map((s) => `${s.label}\n${s.text}`).join('\n\n'), state: r.state };
    }
    case 'revise': {
      const r = await reviseSection({ ...a, target: cmd.target, op: cmd.op, ...(cmd.chars !== undefined ? { chars: cmd.chars } : {}) });
      return { text: r.sections.map((s) => `${s.label}\n${s.text}`).join('\n\n'), state: r.state };
    }
    case 'full':
      return draftFull(a);
  }
}
