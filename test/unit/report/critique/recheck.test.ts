/**
 * Every replacement is re-checked (issue 24 item 2): the rules run again on the fixed text, and a fix that
 * brings a new error or warning is given as advice only. One case per rule that proposes replacements, in our
 * own words, and two properties over every fixture of ours: each fix applied alone, and all fixes applied
 * together, bring no new error or warning.
 */
import { describe, expect, it } from 'vitest';
import { critique, type Finding } from '../../../../src/report/critique/index.js';
import { fixture, fixtureNames, NOW, run } from './helpers.js';

const ADVICE = /可考虑改为“.*”，但照此替换后会引出新的问题，请人工核对/;

const only = (t: string, rule: string, opts: Parameters<typeof critique>[1] = {}) =>
  critique(t, { now: NOW, ...opts })
    .filter((f) => f.rule === rule)
    .map((f) => [t.slice(f.start, f.end), f.replacement ?? null, ADVICE.test(f.suggestion ?? '')]);

describe('a fix that would bring a new problem is advice, per rule with replacements', () => {
  it('layout: a space between characters is advice since round 14, so there is no fix to re-check', () => {
    expect(only('工作中发现的 的问题要及时整改。\n', 'layout')).toEqual([[' ', null, false]]);
    expect(only('工作中发现 的问题要及时整改。\n', 'layout')).toEqual([[' ', null, false]]);
  });
  it('formulation: putting a reversed pair in order would leave the pair reversed again', () => {
    expect(only('坚持守正创新，防止创新守正守正。\n', 'formulation')).toEqual([['创新守正', null, true]]);
    expect(only('坚持创新守正，推动工作。\n', 'formulation')).toEqual([['创新守正', '守正创新', false]]);
  });
  it('xi: restoring the name after 习近平 would repeat it', () => {
    expect(only('认真学习习近平习总书记重要讲话精神。\n', 'xi')).toEqual([['习总书记', null, true]]);
    expect(only('认真学习习总书记重要讲话精神。\n', 'xi')).toEqual([['习总书记', '习近平总书记', false]]);
  });
  it('punctuation: a half-width mark next to its full-width twin would become a doubled mark', () => {
    expect(only('做好工作;；认真落实。\n', 'punctuation')).toEqual([[';', null, true]]);
    expect(only('做好工作;认真落实。\n', 'punctuation')).toEqual([[';', '；', false]]);
  });
  it('punctuation: a run of one half-width mark is one finding, so two fixes cannot leave ，，', () => {
    expect(only('做好工作,,认真落实。\n', 'punctuation')).toEqual([[',,', '，', false]]);
    expect(only('时间定在8:30,地点另行通知。\n', 'punctuation')).toEqual([]);
  });
  it('unit-words: a unit rule whose new word is itself a typo', () => {
    const unitWords = [
      { word: '部署', kind: 'replace' as const, replacement: '布署' },
      { word: '街道办', kind: 'replace' as const, replacement: '街道办事处' },
    ];
    expect(only('局党组专题部署意识形态工作，街道办负责落实。\n', 'unit-words', { unitWords })).toEqual([
      ['部署', null, true],
      ['街道办', '街道办事处', false],
    ]);
  });
  it('typo, numbering and title fixes stay replacements where they bring nothing new', () => {
    expect(only('教育党员遵崇党章，做到令行禁止。\n', 'typo')).toEqual([['遵崇', '尊崇', false]]);
    expect(only('一是加强学习；二是健全制度。三切实做好整改。\n', 'numbering')).toEqual([['三', '三是', false]]);
    expect(only('2024意识形态工作报告\n今年以来，局党组认真落实责任制，取得了一定成效。\n', 'title')).toEqual([['2024', '2024年', false]]);
  });
  it('a look-alike quote says which quote it should be, without nesting quote marks in the message', () => {
    const [f] = run('学习〝两个确立〞的意义。\n').filter((x) => x.rule === 'punctuation');
    expect(f!.message).toBe('“〝”不是规范的引号，应为左引号');
    expect(f!.replacement).toBe('“');
  });
});

/** Serious findings of `after` that no serious finding of `before` explains at the same place (offsets mapped by `map`). */
function newFindings(before: Finding[], after: Finding[], map: (i: number) => number, fixed: Set<Finding>): Finding[] {
  const serious = (f: Finding) => f.severity !== 'info';
  return after.filter(
    (g) =>
      serious(g) &&
      !before.some((o) => !fixed.has(o) && serious(o) && o.rule === g.rule && map(o.start) < Math.max(g.end, g.start + 1) && Math.max(map(o.end), map(o.start) + 1) > g.start),
  );
}

function applyAll(text: string, fixes: Finding[]): { fixed: string; map: (i: number) => number } {
  let fixed = '';
  let last = 0;
  let delta = 0;
  const shifts: [number, number, number][] = [];
  for (const f of fixes) {
    fixed += text.slice(last, f.start) + f.replacement!;
    last = f.end;
    delta += f.replacement!.length - (f.end - f.start);
    shifts.push([f.start, f.end, delta]);
  }
  fixed += text.slice(last);
  const map = (i: number) => {
    let d = 0;
    for (const [a, z, dd] of shifts) {
      if (i >= z) d = dd;
      else if (i > a) return a + d;
    }
    return i + d;
  };
  return { fixed, map };
}

describe('properties over every fixture of ours', () => {
  const texts = fixtureNames().map((name) => [name, fixture(name)] as const);

  it('each replacement applied alone brings no new error or warning', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [name, text] of texts) {
      const before = run(text);
      for (const f of before.filter((x) => x.replacement !== undefined)) {
        checked++;
        const { fixed, map } = applyAll(text, [f]);
        for (const g of newFindings(before, run(fixed), map, new Set([f]))) problems.push(`${name}: ${f.rule} ${text.slice(f.start, f.end)}→${f.replacement} brings ${g.rule} ${g.message}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('all replacements applied together bring no new error or warning', () => {
    const problems: string[] = [];
    for (const [name, text] of texts) {
      const before = run(text);
      const fixes = before.filter((x) => x.replacement !== undefined).filter((f, k, all) => k === 0 || f.start >= all[k - 1]!.end);
      if (fixes.length === 0) continue;
      const { fixed, map } = applyAll(text, fixes);
      for (const g of newFindings(before, run(fixed), map, new Set(fixes))) problems.push(`${name}: ${g.rule} ${g.message} «${fixed.slice(g.start, g.end)}»`);
    }
    expect(problems).toEqual([]);
  });
});
