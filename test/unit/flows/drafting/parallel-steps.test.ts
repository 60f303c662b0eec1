/** The prompts' shared context for steps drafted at once, and the line over a draft with a step that failed for good (issue 25 item 2). */
import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../../src/core/errors.js';
import { partialLine } from '../../../../src/flows/drafting/index.js';
import { styleNotes } from '../../../../src/flows/drafting/model-call.js';
import { neighboursText } from '../../../../src/flows/drafting/model-writer.js';
import { partAddress, sectionAddress } from '../../../../src/report/draft.js';
import { getGenre } from '../../../../src/report/genres.js';
import { buildOfflineOutline } from '../../../../src/report/outline.js';
import { parseRequest } from '../../../../src/report/request.js';

const NOW = new Date('2026-01-15T10:00:00+08:00');
const req = parseRequest('帮我写一份2025年上半年市交通运输局落实意识形态工作责任制情况报告', NOW);
const outline = buildOfflineOutline(req, getGenre(req.genre), NOW);

describe('steps drafted at once', () => {
  it('a section is told its place, its siblings’ headings and points, and the other parts; never its own heading', () => {
    const p = outline.parts[0]!;
    expect(p.sections.length).toBeGreaterThanOrEqual(3);
    const text = neighboursText(outline, 1, 2);
    expect(text).toContain(`${p.sections.length}节中的第（二）节`);
    expect(text).not.toContain(`（二）${p.sections[1]!.heading}`);
    for (const [j, s] of p.sections.entries()) {
      if (j === 1) continue;
      expect(text).toContain(`${'（一）（二）（三）（四）（五）（六）'.slice(j * 3, j * 3 + 3)}${s.heading}：`);
      if (s.points[0]) expect(text).toContain(s.points[0]);
    }
    expect(text).toContain(`二、${outline.parts[1]!.heading}`);
    expect(text).not.toContain(`一、${p.heading}；`);
  });

  it('a whole part is told the other parts', () => {
    const text = neighboursText(outline, 2);
    expect(text).toBe(`其他部分另行起草，本部分不写：一、${outline.parts[0]!.heading}；三、${outline.parts[2]!.heading}`);
  });

  it('the style notes name the unit’s own words and are the same for every step', () => {
    const notes = styleNotes(getGenre(req.genre), req);
    expect(notes).toContain('“我局”');
    expect(notes).toContain('“局党组”');
    expect(notes).toContain('一是……二是……三是……');
    expect(styleNotes(getGenre(req.genre), req)).toBe(notes);
    const personal = parseRequest('帮我写一份宣传部副部长2025年上半年落实意识形态工作责任制情况个人汇报', NOW);
    expect(styleNotes(getGenre(personal.genre), personal)).toContain('第一人称');
  });

  it('one line names what failed for good, why, and how to finish it', () => {
    const s2 = outline.parts[0]!.sections[1]!.heading;
    expect(partialLine(outline, [sectionAddress(1, 2)], new LlmError('400', false, 400), 'full'))
      .toBe(`第一部分的（二）“${s2}”没能写成（模型服务拒绝了这次请求），其余内容已写好并保存在本话题的稿子里；稍后发送“写全文”即可只补写这一处。`);
    expect(partialLine(outline, [partAddress(2)], new LlmError('503', true, 503), 'section'))
      .toBe(`第二部分“${outline.parts[1]!.heading}”没能写成（模型服务重试后仍未答复），其余内容已写好并保存在本话题的稿子里；稍后再发一次同样的要求即可重写。`);
  });
});
