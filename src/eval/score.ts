/** Deterministic scoring of one outline: skeleton, numbering, invented numbers, dated formulations, 对仗. */
import { suspiciousNumbers } from '../report/draft.js';
import { CAMPAIGNS, MEETINGS } from '../report/formulations.js';
import { campaignsInPeriod, guidanceDate, periodGuidance, type Genre } from '../report/genres.js';
import { checkOutline, renderOutline, type Outline } from '../report/outline.js';
import type { ReportRequest } from '../report/request.js';

/** References to meetings and campaigns that do not fit the report's period. */
function formulationDefects(text: string, req: ReportRequest, now: Date): string[] {
  const date = guidanceDate(req.period, now);
  const current = periodGuidance(req.period, now);
  const out: string[] = [];
  for (const m of MEETINGS) {
    for (const name of new Set([m.name, ...m.aliases])) {
      if (!text.includes(name)) continue;
      if (m.end > date) out.push(`引用了截至${date}尚未闭幕的${m.name}`);
      else if (m.kind === 'congress' && m.id !== current.congress.id && new RegExp(`${name}(和[^。，]{0,12})?精神`).test(text)) out.push(`把${m.name}精神作为本期会议精神，应为${current.phrase}`);
      break;
    }
  }
  if (/历次全会/.test(text) && current.plenums.length < 2) out.push(`“历次全会”与时段不符，应为${current.phrase}`);
  const running = new Set(campaignsInPeriod(req.period).map((c) => c.id));
  for (const c of CAMPAIGNS) {
    const hit = c.aliases.find((a) => text.includes(a));
    if (!hit || running.has(c.id)) continue;
    const idx = text.indexOf(hit);
    if (/(深入开展|扎实开展|正在开展|持续开展|开展)[“"]?$/.test(text.slice(Math.max(0, idx - 6), idx))) out.push(`本期并未开展${c.name}`);
  }
  if (!text.includes(current.congress.name.replace('党的', ''))) out.push(`没有提到当前的${current.congress.name}精神`);
  return [...new Set(out)];
}

export interface CaseScore {
  skeleton: boolean;
  numbering: boolean;
  numbers: boolean;
  formulations: boolean;
  parallel: boolean;
  defects: string[];
}

export function scoreOutline(outline: Outline, req: ReportRequest, genre: Genre, now: Date): CaseScore {
  const defects = checkOutline(outline, genre, req);
  const text = renderOutline(outline);
  const suspicious = suspiciousNumbers(text, req.facts);
  const forms = formulationDefects(text, req, now);
  const skeleton = !defects.some((d) => /缺少|位置不对|二级标题，应为|没有识别|一一对应|没有对应|的写法|应写作/.test(d));
  const numbering = !defects.some((d) => /序号/.test(d));
  const parallel = !defects.some((d) => /对仗|句式不统一/.test(d));
  const all = [...defects, ...suspicious.map((s) => `编造数字“${s.text}”：${s.context}`), ...forms];
  return { skeleton, numbering, numbers: suspicious.length === 0, formulations: forms.length === 0, parallel, defects: all };
}
