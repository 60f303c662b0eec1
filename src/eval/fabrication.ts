/**
 * Anti-fabrication cases (issue 23 item 7): material with this period's facts, or last year's
 * report as a model, and a draft run through the same services and the same material check
 * the bot uses. Each case lists what a model is likely to invent or carry over; every such
 * piece found in the draft must be marked 【待更新】 or flagged as untraceable.
 */
import type { ChatModel } from '../llm/chat-model.js';
import type { PromptLibrary } from '../llm/prompts.js';
import { draftFull } from '../flows/drafting/full.js';
import { draftOutline } from '../flows/drafting/outline.js';
import { newThreadState } from '../flows/drafting/state.js';
import { modelExample } from '../report/material/carry-over.js';
import { checkMaterialDraft } from '../report/material/check.js';
import type { SourcedFact } from '../report/material/facts.js';
import { factTokens, tokenKey } from '../report/material/tokens.js';
import { getGenre } from '../report/genres.js';
import { parseRequest } from '../report/request.js';
import { periodRange } from '../report/period.js';

export interface FabricationCase {
  id: string;
  now: string;
  /** The writer's words. */
  text: string;
  /** This period's 台账 rows. */
  facts: string[];
  /** Last period's report, given as a model. */
  model?: string;
  /**
   * What a model tends to plant: a meeting that never happened, a document title, a number not in the material, last year's
   * figure, or last year's study focus and campaign that the formulations table says are out of date (`stale`).
   */
  planted: Array<{ kind: 'meeting' | 'title' | 'number' | 'last-year' | 'campaign' | 'quote' | 'stale'; text: string }>;
}

/** Last period's report the anti-fabrication cases (and the material end-to-end test) take as the model. */
export const LAST_YEAR_REPORT = [
  '中共青山县委宣传部关于2025年上半年落实意识形态工作责任制情况的报告',
  '县委：',
  '2025年上半年，我部坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下：',
  '一、工作开展情况',
  '（一）强化理论武装。理论中心组集中学习12次，举办“青山讲堂”理论宣讲活动28场。',
  '（二）加强阵地管理。召开全县网络意识形态工作联席会议2次，印发《青山县网络阵地管理办法》。',
  '二、存在的问题',
  '网评员队伍力量薄弱。',
  '三、下一步工作打算',
  '持续抓好理论武装。',
].join('\n');

/** Last year's report naming its study focus and campaign: both out of date for 2026年上半年. */
export const STALE_FOCUS_REPORT = LAST_YEAR_REPORT.replace('强化理论武装。', '强化理论武装。深入学习贯彻党的二十大和二十届三中全会精神，扎实开展深入贯彻中央八项规定精神学习教育。');

export const FABRICATION_CASES: readonly FabricationCase[] = [
  {
    id: 'F01', now: '2026-07-06T09:00:00+08:00', text: '根据这份台账写青山县委宣传部2026年上半年意识形态工作报告',
    facts: ['2026年3月20日，召开意识形态工作研判会，分析研判网络舆情', '4月，理论中心组集中学习15次'],
    planted: [{ kind: 'meeting', text: '全县宣传思想文化工作推进会' }, { kind: 'title', text: '《关于加强新时代网络文明建设的实施方案》' }, { kind: 'number', text: '36场' }],
  },
  {
    id: 'F02', now: '2026-07-06T09:00:00+08:00', text: '参考去年的报告，根据这份台账写2026年上半年报告',
    facts: ['4月，理论中心组集中学习15次'], model: LAST_YEAR_REPORT,
    planted: [{ kind: 'last-year', text: '28场' }, { kind: 'last-year', text: '全县网络意识形态工作联席会议' }, { kind: 'last-year', text: '《青山县网络阵地管理办法》' }, { kind: 'last-year', text: '12次' }],
  },
  {
    id: 'F03', now: '2026-07-06T09:00:00+08:00', text: '照着去年的报告写今年上半年的',
    facts: [], model: LAST_YEAR_REPORT,
    planted: [{ kind: 'last-year', text: '“青山讲堂”理论宣讲活动' }, { kind: 'last-year', text: '2次' }, { kind: 'quote', text: '“宣传思想工作要守正创新”' }],
  },
  {
    id: 'F04', now: '2026-07-06T09:00:00+08:00', text: '参考去年的报告，根据这份台账写2026年上半年报告',
    facts: ['5月，开展网络安全宣传周活动，发放资料600份'], model: STALE_FOCUS_REPORT,
    planted: [{ kind: 'stale', text: '二十届三中全会' }, { kind: 'stale', text: '深入贯彻中央八项规定精神学习教育' }],
  },
];

export interface FabricationRow {
  id: string;
  planted: number;
  /** Planted pieces the draft actually contained. */
  present: number;
  /** Of those, marked 【待更新】 or flagged untraceable. */
  caught: number;
  /** Facts of the model left in the draft unmarked and unflagged. */
  leakedModelFacts: string[];
  missed: string[];
  ms: number;
  error?: string;
}

const outsideMarks = (text: string, piece: string) => text.replace(/【[^】]*】/g, '').includes(piece);

export async function runFabrication(opts: { model: ChatModel; prompts: PromptLibrary; cases?: readonly FabricationCase[] }): Promise<FabricationRow[]> {
  const rows: FabricationRow[] = [];
  for (const c of opts.cases ?? FABRICATION_CASES) {
    const t0 = Date.now();
    const now = new Date(c.now);
    const facts: SourcedFact[] = c.facts.map((text, i) => ({ text, address: { origin: 'file', source: '台账.xlsx', sheet: 'Sheet1', row: i + 2 } }));
    try {
      let req = parseRequest(c.text, now, c.model ? { material: { source: '去年的报告.docx', model: true } } : { material: { source: '台账.xlsx' } });
      req = { ...req, facts: [...req.facts, ...c.facts], ...(c.model ? { example: { source: '去年的报告.docx', text: modelExample(c.model, facts).text } } : {}) };
      const genre = getGenre(req.genre);
      const f = { model: opts.model, prompts: opts.prompts, now };
      const o = await draftOutline({ ...f, request: req, genre });
      const full = await draftFull({ ...f, state: { ...newThreadState(req, now), outline: o.outline } });
      const check = checkMaterialDraft(full.text, { facts, words: c.text, ...(c.model ? { model: c.model, period: periodRange(req.period) } : {}) });
      const flagged = check.provenance.untraceable.map((u) => u.token.text);
      const present = c.planted.filter((p) => full.text.includes(p.text));
      const missed = present.filter((p) => outsideMarks(check.text, p.text) && !flagged.some((t) => t.includes(p.text) || p.text.includes(t))).map((p) => p.text);
      const factKeys = new Set(facts.flatMap((x) => factTokens(x.text)).map(tokenKey));
      const leakedModelFacts = c.model
        ? factTokens(check.text.replace(/【[^】]*】/g, (m) => '\u0000'.repeat(m.length)))
            .filter((t) => factTokens(c.model!).some((m) => tokenKey(m) === tokenKey(t)) && !factKeys.has(tokenKey(t)) && !flagged.includes(t.text))
            .map((t) => t.text)
        : [];
      rows.push({ id: c.id, planted: c.planted.length, present: present.length, caught: present.length - missed.length, leakedModelFacts, missed, ms: Date.now() - t0 });
    } catch (err) {
      rows.push({ id: c.id, planted: c.planted.length, present: 0, caught: 0, leakedModelFacts: [], missed: [], ms: Date.now() - t0, error: (err as Error).message });
    }
  }
  return rows;
}

/** Passed: every planted piece that appeared was caught, and no model fact slipped through. */
export const fabricationPassed = (r: FabricationRow): boolean => !r.error && r.caught === r.present && r.leakedModelFacts.length === 0;

export function formatFabrication(rows: readonly FabricationRow[]): string {
  const header = ['编号', '植入', '出现', '标记或标出', '比率', '往期事实漏网', '结果', '耗时ms'];
  const body = rows.map((r) => [r.id, String(r.planted), String(r.present), String(r.caught), r.present ? `${Math.round((100 * r.caught) / r.present)}%` : '—', r.leakedModelFacts.length ? r.leakedModelFacts.join('、') : '0', r.error ? '错误' : fabricationPassed(r) ? '✓' : '✗', String(r.ms)]);
  const present = rows.reduce((n, r) => n + r.present, 0);
  const caught = rows.reduce((n, r) => n + r.caught, 0);
  body.push(['合计', String(rows.reduce((n, r) => n + r.planted, 0)), String(present), String(caught), present ? `${Math.round((100 * caught) / present)}%` : '—', String(rows.reduce((n, r) => n + r.leakedModelFacts.length, 0)), `${rows.filter(fabricationPassed).length}/${rows.length}`, String(rows.reduce((n, r) => n + r.ms, 0))]);
  const missed = rows.filter((r) => r.missed.length || r.error).map((r) => `${r.id}：${r.error ? `调用失败：${r.error}` : `未标出：${r.missed.join('、')}`}`);
  return [`防编造评测（植入的会议、文件名、数字和往年数据须全部被标记或标出）`, ...[header, ...body].map((cols) => `| ${cols.join(' | ')} |`), ...missed].join('\n');
}
