/** Issue 23 item 2: stale meetings and campaigns of a model replaced from the dated formulations table, with the reason. */
import { describe, expect, it } from 'vitest';
import { CAMPAIGNS, CONFERENCES, MEETINGS } from '../../../../src/report/formulations.js';
import { checkMaterialDraft } from '../../../../src/report/material/check.js';
import { replaceStale, staleEntries, staleNotes } from '../../../../src/report/material/stale.js';
import type { SourcedFact } from '../../../../src/report/material/facts.js';

const H1_2026 = { start: '2026-01-01', end: '2026-06-30' };
const H1_2025 = { start: '2025-01-01', end: '2025-06-30' };
const YEAR_2025 = { start: '2025-01-01', end: '2025-12-31' };

// A 2024 first-half report of a made-up 文旅局 (the writer's own wording, not from any corpus).
const MODEL_2024 = [
  '今年以来，局党组把学习贯彻党的二十大和二十届二中全会精神作为首要政治任务，扎实开展党纪学习教育，',
  '组织干部职工深入学习全国宣传思想工作会议精神，召开专题学习会6次。',
].join('');

describe('the formulations table by family', () => {
  it('every entry has its family, its dates in order and a source', () => {
    for (const m of [...MEETINGS, ...CONFERENCES]) {
      expect(m.source.length, m.id).toBeGreaterThan(5);
      expect(m.start <= m.end, m.id).toBe(true);
    }
    expect(new Set(MEETINGS.map((m) => m.family))).toEqual(new Set(['central']));
    expect(new Set(CONFERENCES.map((m) => m.family))).toEqual(new Set(['propaganda']));
    for (const c of CAMPAIGNS) {
      expect(c.family, c.id).toBe('party-education');
      expect(c.source.length, c.id).toBeGreaterThan(5);
    }
    // Each family in date order: a later entry replaces an earlier one.
    for (const list of [MEETINGS, CONFERENCES, CAMPAIGNS]) {
      const starts = list.map((x) => x.start);
      expect(starts).toEqual([...starts].sort());
    }
  });
});

describe('stale meetings and campaigns replaced from the table', () => {
  it('a plenum, a conference and a campaign of 2024 become the 2025 entries, each with the reason and source', () => {
    const draft = '上半年，我局深入学习贯彻党的二十届二中全会精神，扎实开展党纪学习教育，传达学习全国宣传思想工作会议精神。';
    const r = replaceStale(draft, MODEL_2024, H1_2025);
    expect(r.text).toBe('上半年，我局深入学习贯彻党的二十届三中全会精神，扎实开展深入贯彻中央八项规定精神学习教育，传达学习全国宣传思想文化工作会议精神。');
    const notes = staleNotes(r.changes);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toBe('范文中的‘二十届二中全会’是2023年的提法，本期按表述库改为‘二十届三中全会’（来源：表述库：二十届三中全会，2024年7月15日至18日召开，以新华社发布的会议消息为准）。');
    expect(notes.join('\n')).not.toMatch(/[A-Za-z§]/);
    expect(notes).toContain(notes.find((n) => n.startsWith('范文中的‘全国宣传思想工作会议’是2018年的提法，本期按表述库改为‘全国宣传思想文化工作会议’（来源：表述库：全国宣传思想文化工作会议，2023年10月7日至8日召开，')));
    expect(notes.join('\n')).toContain('范文中的‘党纪学习教育’是2024年的提法，本期按表述库改为‘深入贯彻中央八项规定精神学习教育’（来源：表述库：深入贯彻中央八项规定精神学习教育，2025年3月至7月开展，');
  });

  it('with no dated successor the campaign stays 【待更新：去年为“……”】', () => {
    const model = '2025年上半年，深入学习贯彻党的二十大和二十届三中全会精神，扎实开展深入贯彻中央八项规定精神学习教育。';
    const r = replaceStale('全面开展深入贯彻中央八项规定精神学习教育，学习贯彻党的二十大和二十届三中全会精神。', model, H1_2026);
    expect(r.text).toBe('全面开展【待更新：去年为“深入贯彻中央八项规定精神学习教育”】，学习贯彻党的二十大和二十届四中全会精神。');
    expect(staleNotes(r.changes)).toContain('范文中的‘深入贯彻中央八项规定精神学习教育’是2025年的提法，表述库里没有本期接续的提法，已标为【待更新】，请按本期实际改写或删去。');
  });

  it('a congress in the guidance formula is replaced with the plenum after it', () => {
    const model = '深入学习贯彻党的十九大和十九届六中全会精神。';
    expect(replaceStale(model, model, { start: '2023-07-01', end: '2023-12-31' }).text).toBe('深入学习贯彻党的二十大和二十届二中全会精神。');
  });

  it('leaves alone what is not stale: the current focus, history, results, an entry already beside its successor', () => {
    // In 2025 the 三中全会 is current until the 四中全会 (October): not replaced in an annual report.
    const m25 = '深入学习贯彻二十届三中全会精神。';
    expect(replaceStale(m25, m25, YEAR_2025).changes).toEqual([]);
    const draft = '巩固拓展党纪学习教育成果；2024年开展党纪学习教育期间形成的制度继续执行。二十届二中全会召开以来，各项改革稳步推进。学习贯彻二十届二中全会、三中全会精神。';
    const r = replaceStale(draft, MODEL_2024, H1_2025);
    expect(r.text).toBe(draft);
    expect(r.changes).toEqual([]);
    // The model names a campaign only as history: nothing of it is stale focus, the campaign still is.
    expect(staleEntries('二十届二中全会以来', H1_2025)).toEqual([]);
  });

  it('runs inside checkMaterialDraft: the card lists the reasons first, the rest of the check as before', () => {
    const facts: SourcedFact[] = [{ text: '2025年4月，专题学习会8次', address: { origin: 'file', source: '台账.xlsx', sheet: '学习', row: 3 } }];
    const draft = '上半年，深入学习贯彻党的二十届二中全会精神，扎实开展党纪学习教育，召开专题学习会6次。';
    const c = checkMaterialDraft(draft, { facts, words: '参考去年的报告写2025年上半年报告', model: MODEL_2024, period: H1_2025 });
    expect(c.text).toBe('上半年，深入学习贯彻党的二十届三中全会精神，扎实开展深入贯彻中央八项规定精神学习教育，召开专题学习会8次。');
    expect(c.notes[0]).toContain('范文中的‘二十届二中全会’是2023年的提法');
    expect(c.notes[1]).toContain('本期按表述库改为‘深入贯彻中央八项规定精神学习教育’');
    expect(c.stale.map((s) => s.now)).toEqual(['二十届三中全会', '深入贯彻中央八项规定精神学习教育']);
    const traced = c.provenance.sentences.flatMap((s) => s.tokens).find((t) => t.token.text === '8次');
    expect(traced?.sources[0]?.row).toBe(3);
    expect(c.provenance.untraceable).toEqual([]);
    // Without the period the check cannot judge staleness and changes nothing of the kind.
    expect(checkMaterialDraft(draft, { facts, words: '', model: MODEL_2024 }).stale).toEqual([]);
  });
});
