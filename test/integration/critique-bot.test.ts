import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, sleep, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';

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
  await sleep(100);
  const r = x.feishu.repliesTo(id);
  expect(r).toHaveLength(1);
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

  it('asks for the text when only "审阅一下" is sent', async () => {
    h = await startHarness();
    const ev = textEvent('审阅一下');
    await h.post(ev);
    expect(await finalText(h, messageIdOf(ev))).toContain('请把需要审阅的内容');
  });
});
