// The writing port's model adapter: prompts, one streamed answer per step, cleaned; the rules stand in for an unusable outline.
import type { ReviseOp } from '../../report/commands.js';
import { addressLabel, parseAddress, partAddress, sectionAddress } from '../../report/draft.js';
import type { Genre } from '../../report/genres.js';
import { headingMarker, parseHeading } from '../../report/headings.js';
import { partChars, sectionChars } from '../../report/lengths.js';
import { sectionBody, splitPartText } from '../../report/model-output.js';
import { checkOutline, layoutOutline, parseOutline, renderOutline, type Outline } from '../../report/outline.js';
import type { PartId } from '../../report/parts.js';
import { periodLabel } from '../../report/period.js';
import { requestOpening, requestTitle, type ReportRequest } from '../../report/request.js';
import { THEMES } from '../../report/themes.js';
import { totalChars } from '../../report/lengths.js';
import { critiqueSystemMessage } from '../system-prompt.js';
import { streamText as streamModel } from '../model-stream.js';
import type { CritiqueJob, OutlineResult, Writer, Written } from '../writer.js';
import { factsText, personLabel, reportSystemMessage, streamText, styleNotes } from './model-call.js';
import { RULES_WRITER } from './rules-writer.js';
import type { SectionText } from './state.js';

/** What a section of each role is made of: the model is told, and expansions keep to it. */
export const ROLE_WRITING: Record<PartId | 'none', string> = {
  practice: '写具体做法、工作机制和取得的成效，段内用“一是……二是……三是……”分层，每层先概括、后写做法，再写成效或数据',
  problems: '只写问题的具体表现和产生原因，先概括问题，再写表现（用【待补充：……】标出需要的事例），最后分析原因；不写成绩、做法和成效',
  plans: '写针对问题的措施：做什么、谁负责、什么时候完成，与存在问题逐条对应；不写成绩',
  none: '按标题展开，段内用“一是……二是……三是……”分层',
};

const OP_INSTRUCTION: Record<ReviseOp, Record<PartId | 'none', string>> = {
  expand: {
    practice: '在原文基础上展开充实：补充具体措施、工作机制和取得的成效，不重复原文已有的层次',
    problems: '在原文基础上展开充实：补充问题的具体表现和产生原因，不写成绩、做法和成效，不重复原文已有的内容',
    plans: '在原文基础上展开充实：写清每项措施由谁负责、做什么、什么时候完成，不写成绩',
    none: '在原文基础上展开充实，层次更清楚，不重复原文已有的内容',
  },
  condense: {
    practice: '精简压缩：保留核心做法、全部用户事实和【待补充：……】占位，删去重复、空泛的表述',
    problems: '精简压缩：保留问题的主要表现和原因、全部用户事实和【待补充：……】占位',
    plans: '精简压缩：保留每项措施及其责任和时限、全部用户事实和【待补充：……】占位',
    none: '精简压缩：保留核心内容、全部用户事实和【待补充：……】占位',
  },
  rewrite: {
    practice: '重新改写：保持原意和全部事实，调整结构和措辞，写清做法、机制和成效，去掉套话和空话',
    problems: '重新改写：保持原意和全部事实，写清问题表现和原因，不写成绩，去掉套话和空话',
    plans: '重新改写：保持原意和全部事实，写清措施、责任和时限，去掉套话和空话',
    none: '重新改写：保持原意和全部事实，调整结构和措辞，使表述更规范、更具体',
  },
};

const MODEL_PART = '综合点评（模型生成，供参考）';

function skeletonText(g: Genre, req: ReportRequest): string {
  return g.parts.map((p, i) => `${headingMarker(1, i + 1)}${p.heading(req.period)}（二级标题${p.min}至${p.max}个${p.rule ? `；${p.rule(req.period)}` : ''}）`).join('\n');
}

function themesText(): string {
  return THEMES.map((t) => `- ${t.name}：要点如“${t.points.join('”“')}”；常见问题“${t.problem.heading}”，对应措施“${t.measure.heading}”`).join('\n');
}

/** Fill what the model left out: the genre's title and opening. */
function normaliseOutline(o: Outline, req: ReportRequest, now: Date): Outline {
  const out = { ...o };
  if (!out.title) out.title = requestTitle(req);
  if (!out.opening && out.parts.length) out.opening = requestOpening(req, now);
  return out;
}

// A level-1 heading the model wrote although told not to: the card already shows the part's.
const withoutPartHeading = (view: string): string => view.split('\n').filter((l) => parseHeading(l)?.level !== 1).join('\n');

/** The headings the card already shows above `addr`'s text: a heading the model repeats is not shown twice. */
function headingsOf(outline: Outline, addr: string): string[] {
  const { part, section } = parseAddress(addr);
  const p = outline.parts[part - 1];
  return [section ? p?.sections[section - 1]?.heading ?? '' : p?.heading ?? '', p?.heading ?? ''];
}

const pointsOf = (points: readonly string[]): string => (points.length ? points.join('；') : '按标题展开');

/**
 * What the steps written beside this one cover, so that nothing is written twice: the section's place in its
 * part, its sibling sections with their points, and the other parts. A part without sections: the other parts.
 */
export function neighboursText(outline: Outline, part: number, section?: number): string {
  const p = outline.parts[part - 1]!;
  const others = outline.parts.flatMap((q, i) => (i === part - 1 ? [] : [`${headingMarker(1, i + 1)}${q.heading}`])).join('；');
  const lines: string[] = [];
  if (section !== undefined) {
    lines.push(`本节是“${headingMarker(1, part)}${p.heading}”${p.sections.length}节中的第${headingMarker(2, section)}节。同一部分的其他各节由别人同时起草，本节不要写它们的内容：`);
    p.sections.forEach((s, j) => {
      if (j + 1 !== section) lines.push(`${headingMarker(2, j + 1)}${s.heading}：${pointsOf(s.points)}`);
    });
  }
  if (others) lines.push(`其他部分另行起草，本${section !== undefined ? '节' : '部分'}不写：${others}`);
  return lines.join('\n') || '（无）';
}

export const MODEL_WRITER: Writer = {
  author: (model) => model.name,

  /** Stream, clean, parse, check; one repair round with the specific defects; the rules' outline when the answer has none. */
  async outline(a, req, genre): Promise<OutlineResult> {
    // The request as this genre's (a test or the eval may pass another genre).
    const own = { ...req, genre: genre.id };
    const rendered = a.prompts.render('outline', {
      request: req.text,
      genre: `${genre.name}：${genre.description}`,
      period: periodLabel(req.period),
      person: personLabel(genre, req),
      length: `全文约${totalChars(req)}字`,
      title: requestTitle(own),
      opening: requestOpening(own, a.now),
      closing: genre.closing,
      skeleton: skeletonText(genre, req),
      themes: themesText(),
      facts: factsText(req),
    });
    const system = reportSystemMessage(a, req);
    const first = await streamText(a, [system, { role: 'user', content: rendered }], 'outline', layoutOutline);
    const removed = [...first.removed];
    let outline = normaliseOutline(parseOutline(first.text), own, a.now);
    let defects = checkOutline(outline, genre, own);
    let repaired = false;
    if (defects.length) {
      a.onRepair?.(defects);
      const repairPrompt = a.prompts.render('outline-repair', {
        defects: defects.map((d, i) => `${i + 1}. ${d}`).join('\n'),
        skeleton: skeletonText(genre, req),
        outline: first.text,
        title: requestTitle(own),
        closing: genre.closing,
      });
      // The model sees its own answer as cleaned: chat text is not resent.
      const second = await streamText(a, [system, { role: 'user', content: rendered }, { role: 'assistant', content: first.text }, { role: 'user', content: repairPrompt }], 'outline', layoutOutline);
      removed.push(...second.removed);
      const again = normaliseOutline(parseOutline(second.text), own, a.now);
      if (again.parts.length) {
        outline = again;
        repaired = true;
        defects = checkOutline(outline, genre, own);
      }
    }
    if (outline.parts.length === 0) return { ...(await RULES_WRITER.outline({ ...a, onText: undefined }, req, genre)), repaired, removed, fallback: true };
    // Stray lines are reported, never kept in the stored outline.
    const { stray: _stray, ...stored } = outline;
    return { outline: stored, text: renderOutline(stored), repaired, defects, offline: false, removed };
  },

  async section(a, job): Promise<Written> {
    const { outline, req, genre, addr } = job;
    const label = addressLabel(outline, addr);
    const { part, section } = parseAddress(addr);
    const p = outline.parts[part - 1]!;
    const s = section !== undefined ? p.sections[section - 1] : undefined;
    const target = job.chars ?? (section !== undefined ? sectionChars(req, outline, part - 1) : partChars(req, outline, part - 1));
    const user = a.prompts.render('section', {
      outline: renderOutline(outline),
      target: label,
      points: (s ? s.points : p.points).map((pt, i) => `${i + 1}. ${pt}`).join('\n') || '（提纲中未列要点，按标题展开）',
      period: periodLabel(req.period),
      person: personLabel(genre, req),
      chars: String(target),
      facts: factsText(req),
      role: ROLE_WRITING[p.partId ?? 'none'],
      neighbours: neighboursText(outline, part, section),
      style: styleNotes(genre, req),
    });
    const headings = [s?.heading ?? '', p.heading];
    const r = await streamText(a, [reportSystemMessage(a, req), { role: 'user', content: user }], 'section', (view) => sectionBody(view, headings));
    return { section: { address: addr, label, text: sectionBody(r.text, headings) }, removed: r.removed };
  },

  /** A whole part in one answer, split into its sections: one first-byte wait per part, not per section. */
  async part(a, job) {
    const { outline, req, genre } = job;
    const part = outline.parts[job.part - 1]!;
    const user = a.prompts.render('full', {
      outline: renderOutline(outline),
      part: `${headingMarker(1, job.part)}${part.heading}`,
      period: periodLabel(req.period),
      person: personLabel(genre, req),
      chars: String(partChars(req, outline, job.part - 1)),
      facts: factsText(req),
      role: ROLE_WRITING[part.partId ?? 'none'],
      neighbours: neighboursText(outline, job.part),
      style: styleNotes(genre, req),
    });
    const res = await streamText(a, [reportSystemMessage(a, req), { role: 'user', content: user }], 'full', withoutPartHeading);
    const split = splitPartText(res.text, part.sections.length);
    const texts: SectionText[] = [];
    const put = (address: string, text: string) => texts.push({ address, label: addressLabel(outline, address), text });
    if (part.sections.length === 0) put(partAddress(job.part), [split.intro, ...split.sections].filter(Boolean).join('\n'));
    else {
      if (split.intro) put(partAddress(job.part), split.intro);
      part.sections.forEach((_s, j) => {
        const t = split.sections[j];
        if (t) put(sectionAddress(job.part, j + 1), t);
      });
    }
    return { texts, removed: res.removed };
  },

  reviseFresh(a, job) {
    return MODEL_WRITER.section(a, job);
  },

  async revise(a, job) {
    const { outline, req, addr, current } = job;
    const role = outline.parts[parseAddress(addr).part - 1]?.partId ?? 'none';
    const user = a.prompts.render('revise', {
      instruction: OP_INSTRUCTION[job.op][role],
      chars: String(job.chars),
      target: addressLabel(outline, addr),
      outline: renderOutline(outline),
      text: current,
      facts: factsText(req),
    });
    const headings = headingsOf(outline, addr);
    const res = await streamText(a, [reportSystemMessage(a, req), { role: 'user', content: user }], 'revise', (view) => sectionBody(view, headings));
    // An answer that lost the text (empty after cleaning) keeps the writer's version.
    return { text: sectionBody(res.text, headings) || current, removed: res.removed };
  },

  async critique(a, job: CritiqueJob) {
    const head = `${job.head}\n\n---\n${MODEL_PART}\n\n`;
    a.card.update(head);
    const user = a.prompts.render('critique', { text: job.material, findings: job.findingsBrief, period: job.period });
    const out = await streamModel({ model: a.model, ...(a.signal ? { signal: a.signal } : {}), onView: (view) => a.card.update(() => head + view()) },
      [critiqueSystemMessage(a.prompts, a.now, a.timezone ?? 'Asia/Shanghai'), { role: 'user', content: user }], 'critique', { temperature: 0.3 });
    await a.card.finish(head + out.text);
    return out.text;
  },

  async reviewComments(a, job) {
    if (!job.count) return '';
    const user = a.prompts.render('review-comments', { comments: job.comments, material: '（本话题没有提供材料）' });
    const out = await streamModel({ model: a.model, ...(a.signal ? { signal: a.signal } : {}), ...(a.onText ? { onText: a.onText } : {}) }, [{ role: 'user', content: user }], 'chat', { temperature: 0.2, raw: true });
    return out.text;
  },
};
