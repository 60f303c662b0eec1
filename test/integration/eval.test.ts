import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/eval/cli.js';
import { EVAL_CASES } from '../../src/eval/cases.js';
import { FABRICATION_CASES } from '../../src/eval/fabrication.js';
import { CHAT_QUESTION } from '../../src/eval/run.js';
import { THEMES } from '../../src/report/themes.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeRequestBody } from '../support/fake-openai.js';
import { realisticModel, STYLES } from '../support/realistic-model.js';

const run = promisify(execFile);

/** Pull a labelled block out of the outline prompt: the lines after `label` up to the next blank line. */
function block(prompt: string, label: string): string[] {
  const at = prompt.indexOf(label);
  if (at < 0) return [];
  const rest = prompt.slice(at + label.length).replace(/^[^\n]*\n/, '');
  return rest.split('\n\n')[0]!.split('\n').filter(Boolean);
}

/**
 * A fake model that writes an outline from what the prompt gives it (title, opening,
 * skeleton, facts), with a few scripted faults so every score column is exercised:
 * 县教育局 first gets too few sections (repaired), 县卫生健康委 gets an invented number,
 * 市发改委 cites a plenum that had not yet met.
 */
function fakeWriter(body: FakeRequestBody): string {
  const prompt = body.messages[body.messages.length - 1]!.content;
  if (prompt.includes(CHAT_QUESTION)) return '当然可以！开头段先写时段和总体情况，再用“现将有关情况报告如下：”引出正文。\n\n**建议**：先写指导思想，再写总体成效。\n\n*注：以上内容供参考。*\n\n希望对您有所帮助！';
  const first = body.messages.find((m) => m.role === 'user')!.content;
  const repair = prompt.includes('逐条修正');
  const title = block(first, '标题（照此使用')[0]!;
  const opening = block(first, '开头段写法参考')[0]!;
  const skeleton = block(first, '正文结构').map((l) => l.replace(/（二级标题.*$/, ''));
  const facts = block(first, '用户提供的事实').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
  const fewer = first.includes('县教育局') && !repair;
  const practice = THEMES.slice(0, fewer ? 2 : 4);
  const lines = [`**${title}**`, '', opening, ''];
  lines.push(`## ${skeleton[0]}`);
  practice.forEach((t, i) => {
    lines.push(`**（${'一二三四'[i]}）${t.heading}**`, `1.${t.points[0]}`, `2.${facts[i] ?? '【待补充：具体数据】'}`);
  });
  if (first.includes('县卫生健康委')) lines.push('3.全年开展专题学习12次');
  if (first.includes('市发改委')) lines.push('3.深入学习二十届三中全会精神');
  lines.push(`## ${skeleton[1]}`);
  practice.slice(0, 3).forEach((t, i) => lines.push(`（${'一二三'[i]}）${t.problem.heading}`, `1.${t.problem.detail}`));
  lines.push(`## ${skeleton[2]}`);
  practice.slice(0, 3).forEach((t, i) => lines.push(`（${'一二三'[i]}）${t.measure.heading}`, `1.${t.measure.detail}`));
  return lines.join('\n');
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI(fakeWriter);
});
afterAll(async () => {
  await fake.close();
});

describe('eval harness against a fake OpenAI-compatible server', () => {
  it('runs every case through draftOutline and prints the score table', async () => {
    let out = '';
    const code = await main(['--base-url', fake.url, '--model', 'fake-model', '--api-key', 'k'], (s) => (out += s));
    console.log(out);
    expect(code).toBe(0);
    const rows = out.split('\n').filter((l) => /^\| E\d\d /.test(l));
    expect(rows).toHaveLength(EVAL_CASES.length);
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(20);
    const cols = (id: string) => rows.find((r) => r.startsWith(`| ${id} `))!.split('|').map((c) => c.trim());
    // 编号 文种 单位 时段 理解 骨架 序号 数字 表述 对仗 修复 …
    expect(cols('E01').slice(5, 12)).toEqual(['✓', '✓', '✓', '✓', '✓', '✓', '否']);
    expect(cols('E02')[11]).toBe('是');
    expect(cols('E02')[6]).toBe('✓');
    expect(cols('E12')[8]).toBe('✗');
    expect(cols('E10')[9]).toBe('✗');
    expect(out).toMatch(/\| 合计 \| +\| +\| +\| 22\/22 \|/);
    expect(out).toContain('编造数字“12次”');
    expect(out).toContain('引用了截至2023-06-30尚未闭幕的二十届三中全会');
    // Streaming requests with the system prompt and the outline prompt; one repair round for E02.
    expect(fake.requests.every((r) => r.stream === true && r.model === 'fake-model')).toBe(true);
    expect(fake.requests.filter((r) => r.messages.at(-1)!.content.includes('逐条修正'))).toHaveLength(1);
    // Per case: one outline (plus one repair), a section, its expansion, then the full draft (写全文),
    // which drafts the rest part by part: sections and revisions are where chat text shows up most.
    const asked = (start: string) => fake.requests.filter((r) => r.messages.at(-1)!.content.startsWith(start)).length;
    // The anti-fabrication cases (F…) draft an outline each too.
    expect(asked('请为下面的写作需求拟一份报告提纲')).toBe(EVAL_CASES.length + FABRICATION_CASES.length);
    expect(asked('请根据已确定的提纲')).toBeGreaterThanOrEqual(EVAL_CASES.length);
    expect(asked('请修改报告中的一节正文')).toBe(EVAL_CASES.length);
    expect(asked('请按已确定的提纲起草报告正文')).toBeGreaterThanOrEqual(EVAL_CASES.length);
    expect(out).toMatch(/各步：提纲 闲话\d+\/22 泄漏0\/22；写一节 闲话\d+\/22 泄漏0\/22；展开 闲话\d+\/22 泄漏0\/22；写全文 闲话\d+\/22 泄漏0\/22；闲聊 闲话22\/22 泄漏0\/22/);
    // Each case ends with a free-chat question, cleaned as the chat flow cleans it.
    expect(fake.requests.filter((r) => r.messages.at(-1)!.content.includes(CHAT_QUESTION))).toHaveLength(EVAL_CASES.length);
  });

  it('exits non-zero when a cleaned text still has chat text in it, unless --allow-leaks', async () => {
    // A closing offer too long to be a mere pleasantry: the cleaner keeps it (never loses content), the eval counts it.
    const offer = '如需进一步修改，您可以随时告诉我需要调整的地方，我会根据您单位的具体要求和实际情况，帮您逐段完善这份材料的每一个部分，直到满意为止。';
    fake.setHandler((body) => (body.messages.at(-1)!.content.includes(CHAT_QUESTION) ? `开头段先写时段和总体情况。\n\n${offer}` : fakeWriter(body)));
    let out = '';
    expect(await main(['--base-url', fake.url, '--model', 'fake-model', '--only', 'E03,E04'], (s) => (out += s))).toBe(3);
    expect(out).toMatch(/\| 合计 .*\| 泄漏2\/10 \|/);
    expect(out).toContain('有 2 步清理后仍留有闲话或排版标记，评测不通过（加 --allow-leaks 可放行）');
    expect(out).toMatch(/E03：.*闲话泄漏：闲聊：结束语：如需进一步修改/);
    out = '';
    expect(await main(['--base-url', fake.url, '--model', 'fake-model', '--only', 'E03', '--allow-leaks'], (s) => (out += s))).toBe(0);
    expect(out).toContain('（--allow-leaks：不算失败）');
    fake.setHandler(fakeWriter);
  });

  it('reports HTTP errors as failed rows and exits non-zero', async () => {
    fake.setHandler((body) => (body.messages.some((m) => m.content.includes('市交通运输局')) ? { status: 429, body: { error: { message: 'rate limited', type: 'rate_limit' } } } : fakeWriter(body)));
    let out = '';
    const code = await main(['--base-url', fake.url, '--model', 'fake-model', '--only', 'E01,E02'], (s) => (out += s));
    expect(code).toBe(1);
    expect(out).toMatch(/\| E01 .*\| 错误 \|/);
    expect(out).toMatch(/E01：调用失败：model API error 429/);
    fake.setHandler(fakeWriter);
  });

  it('works as the npm script entry point', async () => {
    // `npm run eval` is `tsx scripts/eval.ts`: the same loader, without npx's own start-up.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--base-url', fake.url, '--model', 'fake-model', '--only', 'E03,E04'], { cwd: process.cwd() });
    expect(stdout).toContain('| E03 |');
    expect(stdout).toContain('| E04 |');
    expect(stdout).toMatch(/\| 合计 \| +\| +\| +\| 2\/2 \|/);
  });

  it('rejects a bad --timeout-ms and unknown --only ids without calling the model', async () => {
    const before = fake.requests.length;
    let out = '';
    expect(await main(['--base-url', fake.url, '--model', 'fake-model', '--timeout-ms', 'abc'], (s) => (out += s))).toBe(2);
    expect(out).toContain('--timeout-ms 应为正整数');
    out = '';
    expect(await main(['--base-url', fake.url, '--model', 'fake-model', '--only', 'E01,E99'], (s) => (out += s))).toBe(2);
    expect(out).toContain('没有这些用例：E99');
    out = '';
    expect(await main(['--base-url', fake.url, '--model', 'fake-model', '--only', ' '], (s) => (out += s))).toBe(2);
    expect(out).toContain('--only 为空');
    expect(fake.requests.length).toBe(before);
  });

  it('scores “chat text leaked” per model style over outline, section, expansion, full draft and a chat question against the realistic fake', async () => {
    const figures: string[] = [];
    const steps = EVAL_CASES.length * 5;
    for (const style of STYLES) {
      fake.setHandler(realisticModel(style));
      let out = '';
      const code = await main(['--base-url', fake.url, '--model', style], (s) => (out += s));
      expect(code).toBe(0);
      const total = out.split('\n').find((l) => l.startsWith('| 合计 '))!;
      const cols = total.split('|').map((c) => c.trim());
      // 闲话 (answers that carried chat text) and 泄漏 (left after cleaning), counted over all steps.
      figures.push(`${style}: 闲话 ${cols[12]}, ${cols[13]}, 骨架 ${cols[6]}; ${out.split('\n').find((l) => l.startsWith('各步：'))}`);
      expect(cols[13]).toBe(`泄漏0/${steps}`);
      expect(cols[6]).toBe(`${EVAL_CASES.length}/${EVAL_CASES.length}`);
      // Every style wraps every answer in chat habits.
      expect(cols[12]).toBe(`${steps}/${steps}`);
    }
    console.log(figures.join('\n'));
    fake.setHandler(fakeWriter);
  });

  it('prints usage without the required flags', async () => {
    let out = '';
    expect(await main([], (s) => (out += s))).toBe(2);
    expect(out).toContain('用法');
  });
});
