/**
 * Section texts without a model: built from the outline points and the theme tables,
 * with visible 【待补充：…】 placeholders. Each part keeps to its role: the practice part
 * gives measures and results, the problems part manifestations and causes, the plans
 * part who/what/when.
 */
import type { ReviseOp } from './commands.js';
import { parseAddress, type SectionAddress } from './draft.js';
import { getGenre, placeholder, unitVoice } from './genres.js';
import { toChineseNumeral } from './headings.js';
import { visibleLength } from './lengths.js';
import type { Outline } from './outline.js';
import type { PartId } from './parts.js';
import type { ReportRequest } from './request.js';
import { getTheme, themeOf } from './themes.js';


const endStop = (s: string) => (/[。！？]$/.test(s) ? s : `${s.replace(/[；;，,]$/, '')}。`);
const sentences = (text: string): string[] => text.match(/[^。！？]+[。！？]?/g) ?? [text];

/** Unresolved alternatives a table entry carries (党组（党委）) resolved for the unit. */
function resolveVoice(text: string, req: ReportRequest): string {
  const v = unitVoice(req.unit);
  const first = getGenre(req.genre).person === 'first';
  return text.replace(/党组（党委）书记/g, first ? '本人' : `${v.party}书记`).replace(/党组（党委）/g, first ? '班子' : v.party).replace(/党委（党组）/g, first ? '班子' : v.party);
}

/**
 * Extra sentences for a section of the given role, used to reach a length. Each is
 * specific to the section (its topic, its theme's facts), so no two sections of a
 * draft read alike and the critic's duplicate rule stays quiet.
 */
function roleExtras(role: PartId | null, heading: string, body: string, req: ReportRequest): string[] {
  const theme = themeOf(heading + body);
  const t = theme ? getTheme(theme) : undefined;
  const topic = heading.split(/[，,]/)[0] || heading;
  if (role === 'problems') {
    return [
      t ? endStop(t.problem.detail) : '',
      `在${topic}方面，具体表现在${placeholder(`${topic}方面的典型事例`)}。`,
      `究其原因，${placeholder(`${topic}问题的思想认识和制度机制原因`)}。`,
      `对照上级要求，${placeholder(`${topic}与先进单位的差距`)}。`,
    ].filter(Boolean);
  }
  if (role === 'plans') {
    return [
      t ? endStop(t.measure.detail) : '',
      `${topic}由${placeholder(`${topic}的牵头部门和责任人`)}负责落实。`,
      `${placeholder(`${topic}各项措施的完成时限`)}前完成。`,
      `力争${placeholder(`${topic}的预期目标`)}。`,
    ].filter(Boolean);
  }
  return [
    ...(t ? t.points.map((p) => `同时，${endStop(resolveVoice(p, req))}`) : []),
    ...(t ? t.factSlots.map((slot) => `${topic}方面，${placeholder(resolveVoice(slot, req))}。`) : []),
    `在${topic}中，${placeholder(`${topic}的典型事例和成效`)}。`,
    `${placeholder(`${topic}形成的制度机制`)}。`,
    `${placeholder(`${topic}的创新做法`)}，取得了${placeholder(`${topic}的具体成效`)}。`,
    `与上年同期相比，${placeholder(`${topic}的数据变化`)}。`,
    `${topic}工作${placeholder(`${topic}方面得到上级肯定或推广的情况`)}。`,
  ];
}

/** Add sentences the text does not have yet until it reaches `chars`. */
function grow(text: string, extras: readonly string[], chars: number): string {
  let out = text.trim();
  for (const e of extras) {
    if (visibleLength(out) >= chars) break;
    const key = e.replace(/^同时，/, '').slice(0, 10);
    if (out.includes(key)) continue;
    out += e;
  }
  return out;
}

/** Keep whole sentences up to `chars`; sentences with placeholders or the writer's facts are always kept. */
function shrink(text: string, chars: number, req: ReportRequest): string {
  const kept: string[] = [];
  let len = 0;
  for (const s of sentences(text)) {
    const must = /待补充/.test(s) || req.facts.some((f) => s.includes(f.slice(0, 6)));
    if (len + visibleLength(s) <= chars || must || kept.length === 0) {
      kept.push(s);
      len += visibleLength(s);
    }
  }
  return kept.join('').trim();
}

/** Rule-based text for one section (or a part without sections) from its outline points; `chars` when asked for. */
export function offlineSectionText(outline: Outline, part: number, section: number | undefined, req: ReportRequest, chars?: number): string {
  const p = outline.parts[part - 1];
  if (!p) return '';
  const s = section !== undefined ? p.sections[section - 1] : undefined;
  const points = (s ? s.points : p.points).map((pt) => resolveVoice(pt, req));
  const heading = s?.heading ?? p.heading;
  const theme = themeOf([heading, ...points].join(''));
  const who = getGenre(req.genre).person === 'first' ? '本人' : unitVoice(req.unit).self;
  let body: string;
  if (p.partId === 'problems') {
    const b = points.length ? points.map(endStop).join('') : endStop(theme ? getTheme(theme).problem.detail : heading);
    body = /待补充/.test(b) ? b : `${b}${placeholder(`结合${who}实际的具体表现`)}。`;
  } else if (p.partId === 'plans') {
    const b = points.length ? points.map(endStop).join('') : endStop(theme ? getTheme(theme).measure.detail : heading);
    body = `${b}${placeholder('具体措施、责任部门和时间安排')}。`;
  } else {
    const lines = points.length ? points : theme ? getTheme(theme).points.map((x) => resolveVoice(x, req)) : [heading];
    const ordered = lines.slice(0, 9).map((pt, i) => `${toChineseNumeral(i + 1)}是${endStop(pt.replace(/^[一二三四五六七八九十]是/, ''))}`);
    const withData = lines.some((l) => /\d|待补充/.test(l)) ? '' : `${placeholder(theme ? resolveVoice(getTheme(theme).factSlots[0]!, req) : '具体数据和事例')}。`;
    body = `${ordered.join('')}${withData}`;
  }
  if (chars === undefined) return body;
  if (visibleLength(body) < chars * 0.8) return grow(body, roleExtras(p.partId, heading, body, req), chars);
  if (visibleLength(body) > chars * 1.3) return shrink(body, chars, req);
  return body;
}

/** Rule-based revision by the section's role: condense keeps whole sentences; expand adds what the role calls for; no repeats. */
export function offlineRevise(op: ReviseOp, text: string, chars: number, outline: Outline, addr: SectionAddress, req: ReportRequest): string {
  const current = resolveVoice(text, req);
  if (op === 'condense') return shrink(current, chars, req);
  const { part, section } = parseAddress(addr);
  if (op === 'rewrite') return addr === 'opening' ? current : offlineSectionText(outline, part, section, req, chars);
  const p = outline.parts[part - 1];
  const heading = section ? p?.sections[section - 1]?.heading ?? '' : p?.heading ?? '';
  const out = grow(current, roleExtras(p?.partId ?? null, heading, current, req), chars);
  return out === current.trim() ? `${out}${placeholder('典型事例、具体数据')}。` : out;
}
