import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { appSettled } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { longReport } from '../support/long-report.js';
import { readWordPackage } from '../support/wordml.js';
import { critique } from '../../src/report/critique/index.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const PASTE = [
  '2025年上半年落实意识形态工作责任制情况报告',
  '今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，增强“四种意识”，认真落实意识形态工作责任制。现将有关情况报告如下：',
  '一、主要做法',
  '（一）压实责任。局党组召开专题会议X次，研究部署意识形态工作。',
  '（三）强化学习。开展中心组学习**次，全年共组织专题研讨12次。',
  '二、存在问题',
  '学习的系统性还不够强。',
  '三、下一步打算',
  '持续深化理论学习，确保各项工作落到实处。',
].join('\n');

async function finalText(x: Harness, id: string): Promise<string> {
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m) => !x.feishu.isStreaming(m)), EVENT_CEILING_MS, 'the critique');
  // the thread's job has finished, not just its card: nothing more is on its way
  await appSettled(x);
  const r = x.feishu.repliesTo(id);
  // The critique card, then (when there are findings) the 误报/有用 feedback card under it.
  expect(r.length).toBeLessThanOrEqual(2);
  if (r.length === 2) expect(x.feishu.textOf(r[1]!)).toContain('误报');
  return x.feishu.textOf(r[0]!);
}

describe('critique from a Feishu message', () => {
  it('shows the rule findings first, then the model critique in the same card', async () => {
    h = await startHarness({ llm: () => ({ chunks: ['一、结构：三部分齐全。', '五、改写示范：……'], delayMs: 20 }) });
    const ev = textEvent(`帮我看看这份报告：\n${PASTE}`);
    await h.post(ev);
    const text = await finalText(h, messageIdOf(ev));
    expect(text).toContain('审校结果');
    expect(text).toContain('四个意识');
    expect(text).toMatch(/占位|待补充|X/);
    expect(text.indexOf('审校结果')).toBeLessThan(text.indexOf('综合点评'));
    expect(text).toContain('五、改写示范');
    const prompt = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(prompt).toContain('四种意识');
    expect(prompt).toContain('2025年上半年');
  });

  it('tells the model the period from the title, not from a year in the body', async () => {
    h = await startHarness({ llm: () => '点评。' });
    const ev = textEvent('帮我看看这段：\n落实意识形态工作责任制情况报告\n我局持续加强意识形态工作，认真落实各项制度要求。现将有关情况报告如下：\n一、主要做法\n对照2015年印发的实施办法，逐项落实责任。');
    await h.post(ev);
    await finalText(h, messageIdOf(ev));
    const prompt = h.llm.requests[0]!.messages.at(-1)!.content;
    expect(prompt).toContain('报告期：未注明');
    expect(prompt).not.toContain('报告期：2015');
  });

  it('offline: rule findings only, and says so', async () => {
    h = await startHarness({ env: { OPENAI_API_KEY: '' } });
    const ev = textEvent(PASTE);
    await h.post(ev);
    const text = await finalText(h, messageIdOf(ev));
    expect(text).toContain('审校结果');
    expect(text).toContain('离线模式');
    expect(h.llm.requests).toHaveLength(0);
  });

  it('a long paste: counts by category and severity, a few of each severity, and every finding in an attached list', async () => {
    h = await startHarness({ llm: () => '一、结构：三部分齐全。' });
    const paste = longReport(80);
    const expected = critique(paste, { now: new Date(h.clock.now()) });
    const ev = textEvent(`帮我看看这份报告：\n${paste}`);
    await h.post(ev);
    const id = messageIdOf(ev);
    await h.feishu.waitFor(() => {
      const r = h!.feishu.repliesTo(id);
      return r.some((m) => m.msg_type === 'file') && r.some((m) => m.msg_type === 'interactive' && !h!.feishu.isStreaming(m));
    }, EVENT_CEILING_MS, 'the list file and the finished card');
    const replies = h.feishu.repliesTo(id);
    const file = replies.find((m) => m.msg_type === 'file')!;
    const card = h.feishu.textOf(replies.find((m) => m.msg_type === 'interactive')!);
    const total = Number(/共 (\d+) 条/.exec(card)![1]);
    expect(total).toBe(expected.length);
    expect(total).toBeGreaterThan(150);
    // Counts by severity and by category.
    expect(card).toMatch(/错误 \d+ 条，警告 \d+ 条/);
    expect(card).toMatch(/按类别.*标点 \d+（错误 \d+）.*占位待补 \d+/);
    // Errors do not crowd out warnings: both sections list findings.
    const section = (name: string) => card.split(`**${name}**`)[1]?.split(/\n\*\*|\n\n/)[0] ?? '';
    expect(section('错误').split('\n').filter((l) => l.startsWith('- 第')).length).toBeGreaterThanOrEqual(6);
    expect(section('警告').split('\n').filter((l) => l.startsWith('- 第')).length).toBeGreaterThanOrEqual(3);
    // Several kinds of error, not only the most frequent one.
    for (const kind of ['未填写的占位符', '标点符号', '疑似错别字', '固定表述有误']) expect(section('错误')).toContain(kind);
    // The card says what it left out and where everything is; the list has one row per finding.
    const name = `审校意见清单（共${total}条）.docx`;
    expect(card).toMatch(new RegExp(`另有 \\d+ 条未列出；全部 ${total} 条（位置、原文和修改建议）见附件《${name.replace(/[()（）]/g, '.')}》`));
    expect(file.file!.name).toBe(name);
    const [table] = (await readWordPackage(file.file!.data)).tables;
    expect(table![0]).toEqual(['序号', '位置', '级别', '类别', '问题', '原文（〖〗内为问题所在）', '修改建议']);
    const rows = table!.slice(1);
    expect(rows).toHaveLength(total);
    const sorted = [...expected].sort((a, b) => a.start - b.start);
    rows.forEach((r, i) => {
      expect(r[1]).toBe(`第${sorted[i]!.line}行第${sorted[i]!.col}列`);
      expect(r[4]).toBe(sorted[i]!.message);
      expect(r[5]).toContain('〖');
    });
    // The file went out before the model's critique started streaming into the card.
    expect(replies.indexOf(file)).toBeLessThan(replies.findIndex((m) => m.msg_type === 'interactive'));
    expect(card).toContain('一、结构：三部分齐全。');
  });

  it('asks for the text when only "审阅一下" is sent', async () => {
    h = await startHarness();
    const ev = textEvent('审阅一下');
    await h.post(ev);
    expect(await finalText(h, messageIdOf(ev))).toContain('请把需要审阅的内容');
  });
});
