/**
 * Round 23 (issue 24). Written after the critic was run on clean official prose (the State Council's government work
 * reports of 2021–2025, round 23 in CRITIC.md) and read: what such text does by right is no finding. Fixtures are our
 * own sentences.
 */
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const TITLE = '南岭镇党委关于2024年度基层党建工作情况的报告\n';
const serious = (t: string, rule?: string) => run(t).filter((f) => f.severity !== 'info' && (!rule || f.rule === rule)).map((f) => [t.slice(f.start, f.end), f.replacement ?? null]);
const hints = (t: string, rule: string) => run(t).filter((f) => f.severity === 'info' && f.rule === rule).map((f) => t.slice(f.start, f.end));

describe('what official prose does by right', () => {
  it('、 between quoted or titled items is a hint, not a warning', () => {
    const t = `${TITLE}镇里持续开展“送文化下乡”、“百姓大舞台”活动，组织学习《条例》、《规定》。\n`;
    expect(serious(t, 'punctuation')).toEqual([]);
    expect(hints(t, 'punctuation')).toEqual(['”、', '》、']);
  });

  it('a single dash joining two parties before what they hold together is a connector', () => {
    expect(serious(`${TITLE}我镇企业参加了中国—东盟博览会和中国—中亚峰会配套活动。\n`, 'punctuation')).toEqual([]);
    // Two clauses joined by one dash are still half a dash.
    expect(serious(`${TITLE}抓好理论武装—强化思想引领，是我镇的一贯做法。\n`, 'punctuation')).toEqual([['—', '——']]);
  });

  it('名 that opens a word (名品, 名校) is no count cut out', () => {
    expect(serious(`${TITLE}全镇打造了名品特色产业，建设了名校示范点。\n`, 'placeholder')).toEqual([]);
    expect(serious(`${TITLE}今年共培训了名干部。\n`, 'placeholder').map(([s]) => s)).toEqual(['名']);
  });

  it('a report read to a meeting dates itself in its subtitle: the title needs no year', () => {
    const t = '政府工作报告\n\n——2024年1月10日在南岭县第十八届人民代表大会第四次会议上\n\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n';
    expect(run(t).filter((f) => f.rule === 'title' && f.message.includes('年份'))).toEqual([]);
    // Without the dated subtitle the year is still asked for.
    expect(run('政府工作报告\n\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作，请予审议。\n').some((f) => f.rule === 'title' && f.message.includes('年份'))).toBe(true);
  });

  it('a government work report is not asked for this genre\'s three parts', () => {
    const body = Array.from({ length: 40 }, (_, i) => `全县第${i + 1}项重点工作稳步推进，经济运行总体平稳，民生保障持续加强。`).join('\n');
    const t = `政府工作报告\n——2024年1月10日在南岭县第十八届人民代表大会第四次会议上\n各位代表：\n现在，我代表县人民政府，向大会报告政府工作。\n一、过去一年的工作回顾\n${body}\n二、今年的主要任务\n${body}\n`;
    expect(run(t).filter((f) => f.rule === 'structure' && f.message.includes('未找到'))).toEqual([]);
  });

  it('获得感幸福感安全感 run together is an accepted form; its order is still a hint', () => {
    expect(run(`${TITLE}不断增强群众获得感幸福感安全感。\n`).filter((f) => f.rule === 'formulation')).toEqual([]);
    expect(run(`${TITLE}群众的安全感、获得感、幸福感不断提升。\n`).filter((f) => f.rule === 'formulation').map((f) => f.severity)).toEqual(['info']);
  });
});
