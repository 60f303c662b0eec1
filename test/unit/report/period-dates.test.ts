/**
 * Period rules and the drafting prompt at whatever "now" the date harness gives (BIGAN_TEST_NOW,
 * `npm run test:dates`), else at the pinned 2026-12-06 10:00 Beijing: the expected values are computed
 * from that clock, never from the machine's date.
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/report/request.js';
import { periodRange } from '../../../src/report/period.js';
import { chineseDate } from '../../../src/report/draft.js';
import { PromptLibrary } from '../../../src/llm/prompts.js';
import { systemMessage } from '../../../src/flows/system-prompt.js';
import { reportSystemMessage } from '../../../src/flows/drafting/model-call.js';
import { testNow, TZ } from '../../support/clock.js';

const NOW = testNow('2026-12-06T10:00:00+08:00');
const now = NOW.toJSDate();
const prompts = PromptLibrary.load();

describe(`period rules at now = ${NOW.toISO()}`, () => {
  it('a request without a period gets one that has started by now, and says so in the assumption line', () => {
    const req = parseRequest('帮我写一份意识形态工作责任制落实情况报告', now);
    expect(Date.parse(`${periodRange(req.period).start}T00:00:00+08:00`)).toBeLessThanOrEqual(now.getTime());
    expect([NOW.year, NOW.year - 1]).toContain(req.period.year);
    expect(req.assumptions.join()).toMatch(/按\d{4}年.*起草/);
  });

  it('今年上半年 is this year’s first half in Beijing; an explicit year is kept whatever the date', () => {
    expect(parseRequest('写今年上半年意识形态工作情况报告', now).period).toEqual({ year: NOW.year, span: 'H1' });
    expect(parseRequest('写2025年上半年意识形态工作情况报告', now).period).toEqual({ year: 2025, span: 'H1' });
    expect(parseRequest('写去年全年意识形态工作责任制落实情况报告', now).period.year).toBe(NOW.year - 1);
  });

  it('the drafting prompt names today in Beijing and the period with its end date', () => {
    const today = `${NOW.year}年${NOW.month}月${NOW.day}日`;
    expect(systemMessage(prompts, now, TZ).content).toContain(today);
    const req = parseRequest('写2025年上半年意识形态工作情况报告', now);
    const msg = reportSystemMessage({ model: undefined as never, prompts, now, timezone: TZ }, req);
    expect(msg.content).toContain(today);
    expect(msg.content).toContain('截至2025年6月30日');
  });
});

describe('the year turns in Beijing, not in the process’s own time zone', () => {
  // 2027-01-01 00:30 in Beijing is still 2026-12-31 16:30 UTC: the period must follow Beijing.
  const justAfter = new Date('2027-01-01T00:30:00+08:00');
  it('今年 and the default period use the Beijing year at 00:30 on 1 January', () => {
    expect(parseRequest('写今年上半年意识形态工作情况报告', justAfter).period).toEqual({ year: 2027, span: 'H1' });
    expect(parseRequest('写去年全年意识形态工作责任制落实情况报告', justAfter).period.year).toBe(2026);
  });
  it('the sign-off date is Beijing’s calendar date', () => {
    expect(chineseDate(justAfter)).toBe('2027年1月1日');
  });
});
