/**
 * Issue 11: rule families that generalise beyond the dev corpus. Each family has a defective and a
 * clean fixture of our own (test/fixtures/critique/); the clean-* ones are also run by clean.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildDoc, formatFindingsMarkdown, formatFindingsText } from '../../../../src/report/critique/index.js';
import { applyAll, fixture, hits, run, serious, NOW, WRAP_BREAK } from './helpers.js';

const seriousSpans = (t: string, rule?: string) =>
  serious(run(t)).filter((f) => !rule || f.rule === rule).map((f) => t.slice(f.start, f.end));

/** Hard-wrap a paragraph at `width` characters, as a PDF copy does. */
const wrap = (p: string, width: number) => p.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n');

describe('line wraps (logical paragraphs)', () => {
  const WRAPPED = ['wrapped-annual.txt', 'wrapped-h1.txt', 'wrapped-hospital.txt', 'wrapped-school.txt'];
  /** Serious findings other than the copy's own wrap breaks. */
  const besideWraps = (t: string) => serious(run(t)).filter((f) => f.message !== WRAP_BREAK).map((f) => `${f.rule} ${t.slice(f.start, f.end)}`);

  it('pairs （…）, 《…》 and “…” across a wrapped line without a finding', () => {
    for (const name of WRAPPED) expect(besideWraps(fixture(name)), name).toEqual([]);
  });

  it('a wrapped copy: each full line broken mid-sentence is a warning in its place under one message, the break deleted', () => {
    const t = fixture('wrapped-h1.txt');
    const breaks = serious(run(t)).filter((f) => f.message === WRAP_BREAK);
    expect(breaks.length).toBeGreaterThanOrEqual(5);
    expect(breaks.every((f) => f.rule === 'layout' && f.replacement === '' && /^\s+$/.test(t.slice(f.start, f.end)) && t.slice(f.start, f.end).includes('\n'))).toBe(true);
    expect(buildDoc(t, { now: NOW }).wrapped).toBe(true);
    // The card folds them into one line.
    const card = formatFindingsMarkdown(run(t), t);
    expect(card.match(/在句子中间换行/g)!.length).toBeLessThanOrEqual(3);
    expect(card).toMatch(/同类问题另有\d+处/);
  });

  it('each wrapped copy, its breaks deleted as suggested, is a clean report with one line per paragraph', () => {
    for (const name of WRAPPED) {
      const t = fixture(name);
      const fixed = applyAll(t, serious(run(t)));
      expect(serious(run(fixed)).map((f) => `${f.rule} ${fixed.slice(f.start, f.end)}`), name).toEqual([]);
      expect(buildDoc(fixed, { now: NOW }).wrapped, name).toBe(false);
      // Nothing but line breaks was taken out.
      expect(fixed.replace(/\s/g, ''), name).toBe(t.replace(/\s/g, ''));
    }
  });

  it('a short line broken mid-sentence in a wrapped copy is a hint: it may be a heading or the writer\'s own break', () => {
    const lines = fixture('wrapped-h1.txt').split('\n');
    const i = lines.findIndex((l, k) => k > 2 && l.length > 20 && !/[。：；]$/.test(l));
    lines.splice(i, 1, lines[i]!.slice(0, 8), lines[i]!.slice(8));
    const t = lines.join('\n');
    const short = t.indexOf(`\n${lines[i + 1]}`);
    expect(serious(run(t)).some((f) => f.start === short)).toBe(false);
    expect(run(t).some((f) => f.severity === 'info' && /较短的行在句子中间换行/.test(f.message))).toBe(true);
  });

  it('a title wrapped with the rest of a wrapped copy is a hint, not a warning', () => {
    const body = fixture('wrapped-annual.txt').split('\n').slice(1).join('\n');
    const t = `中共云溪县文化和旅游局党组关于2025年度落实意识形态工作责\n任制情况的报告\n${body}`;
    expect(besideWraps(t)).toEqual([]);
    expect(run(t).find((f) => f.message === '标题被拆成了两行')?.severity).toBe('info');
  });

  it('treats blank lines as wraps when a page copy puts one after every wrapped line', () => {
    const t = fixture('wrapped-h1.txt').trimEnd().split('\n').join('\n\n');
    expect(besideWraps(t)).toEqual([]);
    expect(buildDoc(t, { now: NOW }).wrapped).toBe(true);
    const fixed = applyAll(t, serious(run(t)));
    expect(serious(run(fixed)).map((f) => `${f.rule} ${fixed.slice(f.start, f.end)}`)).toEqual([]);
  });

  it('still finds a pair left open in its logical paragraph', () => {
    const p = '今年以来，我们认真学习《中国共产党宣传工作条例，对照条例要求逐条梳理本单位的工作短板，建立问题清单和整改台账，推动各项制度落实落细。';
    const t = `关于2024年度意识形态工作的报告\n${wrap(p, 20)}\n${wrap(p.replace('《', '（'), 20)}\n${wrap(p.replace('《', '“'), 20)}`;
    const found = run(t).filter((f) => f.rule === 'punctuation').map((f) => t.slice(f.start, f.end));
    expect(found).toEqual(['《', '（', '“']);
  });

  it('keeps the finding for a single break in the middle of a sentence (web copy)', () => {
    const t = '关于2024年度意识形态工作的报告\n今年以来，局党组认真落实意识形态工作责任制，进一步强化了\n责任意识，全年研究意识形态工作4次。\n下一步，我们将继续压实责任。';
    expect(hits(run(t), t, 'layout').map(([, s]) => s)).toEqual(['warning']);
  });

  it('does not read a wrapped body line that ends in 报告 as a title', () => {
    const p = '局党组每季度听取一次专题汇报，并按要求向区委宣传部报告，全年共报送专题材料12份，做到事事有回音、件件有着落，推动责任落实。';
    const t = `关于2024年度意识形态工作的报告\n${p.slice(0, 26)}\n${p.slice(26, 52)}\n${p.slice(52)}`;
    const doc = buildDoc(t, { now: NOW });
    expect([...doc.titleLines]).toEqual([0]);
    expect(doc.blocks).toHaveLength(2);
  });
});

describe('short forms of the guiding thought', () => {
  it('hints at 新思想 before any full mention (round 21: labellers leave it) and warns on 习思想', () => {
    const t = fixture('xi-short.txt');
    expect(hits(run(t), t, 'xi')).toEqual([['新思想', 'info'], ['习思想', 'warning']]);
    expect(run(t).filter((f) => f.rule === 'xi').every((f) => f.replacement === undefined)).toBe(true);
  });

  it('accepts 新思想 after the full name, series of 新X, 学习思想, 创新思想', () => {
    expect(seriousSpans(fixture('clean-xi-short.txt'))).toEqual([]);
  });

  it('sees a full name that a copy wrapped over two lines', () => {
    const t = '今年以来，局党组坚持以习近平新时代中国特色社会主\n义思想为指导，推动新思想入脑入心。';
    expect(seriousSpans(t, 'xi')).toEqual([]);
  });
});

describe('page chrome: greetings, title decorations, collections', () => {
  it('reports a greeting block and a decorated page title that repeats the title', () => {
    const t = fixture('debris-greeting.txt');
    const d = run(t).filter((f) => f.rule === 'debris');
    expect(d.map((f) => t.slice(f.start, f.end).split('\n')[0])).toEqual(['您好，欢迎访问本站！', '社区2024年意识形态工作总结精编']);
    expect(d[0]!.message).toContain('欢迎语');
    expect(buildDoc(t, { now: NOW }).period).toEqual({ year: 2024, span: 'year' });
  });

  it('reports a decoration on the title line itself', () => {
    for (const [title, deco] of [['【精品】街道2024年意识形态工作总结', '【精品】'], ['街道2024年意识形态工作总结（通用版）', '（通用版）'], ['街道2024年意识形态工作总结精编', '精编']] as const) {
      const t = `${title}\n2024年，街道党工委认真落实意识形态工作责任制。`;
      const d = run(t).filter((f) => f.rule === 'debris');
      expect(d.map((f) => t.slice(f.start, f.end)), title).toEqual([deco]);
    }
  });

  it('leaves 欢迎, 最新, 精选, 通用 in running text alone', () => {
    expect(seriousSpans(fixture('clean-chrome-words.txt'))).toEqual([]);
  });

  it('reads numbered report titles of a concatenated collection as debris, not numbering', () => {
    const t = fixture('collection-chunks.txt');
    const found = run(t);
    expect(hits(found, t, 'debris')).toEqual([['1、', 'error'], ['2、', 'error']]);
    expect(found.filter((f) => f.rule === 'numbering')).toEqual([]);
  });

  it('keeps a single numbered section heading that mentions a year as a heading', () => {
    expect(seriousSpans(fixture('clean-numbered-summary.txt'))).toEqual([]);
  });
});

describe('typos in fixed political words', () => {
  it('finds 主体教育, 主体党日, 遵崇, 即要…又要, 截至日期, 必需坚持, 意识型态', () => {
    const t = fixture('typo-political.txt');
    expect(hits(run(t), t, 'typo').map(([s]) => s)).toEqual(['主体教育', '主体教育', '主体党日', '遵崇', '即要', '截至', '必需', '意识型态']);
  });

  it('leaves 主体责任, 既要…又要, 即日起, 截止日期, 立即…又 alone', () => {
    expect(seriousSpans(fixture('clean-typo-political.txt'))).toEqual([]);
  });
});

describe('dated anniversaries', () => {
  it('warns when an anniversary celebrated as current work falls in another year', () => {
    const t = fixture('anniversary.txt');
    const f = run(t).filter((x) => x.rule === 'period');
    expect(f.map((x) => t.slice(x.start, x.end))).toEqual(['建党100周年', '新中国成立七十五周年']);
    expect(f[0]!.message).toContain('2021');
    expect(f[1]!.message).toContain('2024');
  });

  it('accepts the right year, the anniversary speech, history and next year’s preparations', () => {
    expect(seriousSpans(fixture('clean-anniversary.txt'))).toEqual([]);
  });

  it('respects period confidence: a year only in the opening gives a hint', () => {
    const t = '街道意识形态工作总结\n2023年以来，街道党工委认真落实责任制。今年，街道隆重庆祝建党100周年。';
    const f = run(t, { now: new Date('2023-12-20T00:00:00Z') }).filter((x) => x.rule === 'period');
    expect(f.every((x) => x.severity !== 'error')).toBe(true);
  });
});

describe('order of fixed pairs and sets', () => {
  it('finds reversed pairs and sets out of order', () => {
    const t = fixture('pairs-order.txt');
    expect(hits(run(t), t, 'formulation').map(([s]) => s)).toEqual([
      '倾向性苗头性',
      '创新守正',
      '反腐败斗争和党风廉政建设',
      '举旗帜、聚民心、兴文化、育新人、展形象',
      '学思想、重实践、强党性、建新功',
    ]);
    expect(run(t).find((f) => f.excerpt === '倾向性苗头性')!.replacement).toBe('苗头性倾向性');
  });

  it('accepts the fixed orders; a two-item list 倾向性、苗头性 is only a hint without a replacement', () => {
    const t = fixture('clean-pairs-order.txt');
    expect(seriousSpans(t)).toEqual([]);
    const hint = run(t).find((f) => f.rule === 'formulation')!;
    expect([hint.severity, hint.replacement]).toEqual(['info', undefined]);
  });
});

describe('placeholders before a unit noun', () => {
  it('finds X 区, XX县, X区, （X 单位）', () => {
    const t = fixture('placeholder-x-unit.txt');
    expect(hits(run(t), t, 'placeholder').map(([s]) => s)).toEqual(['X', 'XX', 'X', 'X', '×']);
  });

  it('leaves X光, X射线, iPhone X, Model X alone', () => {
    expect(seriousSpans(fixture('clean-placeholder-latin.txt'))).toEqual([]);
  });
});

describe('the new findings on every surface', () => {
  it('the chat card, the CLI text and JSON carry them with line, column and context', () => {
    const t = `${fixture('xi-short.txt')}${fixture('pairs-order.txt')}`;
    const found = run(t);
    const card = formatFindingsMarkdown(found, t);
    expect(card).toContain('第3行第12列：“习思想”不是规范简称');
    expect(card).toContain('→ 改为“苗头性倾向性”');
    expect(formatFindingsText(found, t, 'a.txt')).toContain('a.txt:3:12  警告  “习思想”不是规范简称');
    const json = JSON.parse(JSON.stringify(found)) as typeof found;
    expect(json.find((f) => f.excerpt === '习思想')).toMatchObject({ line: 3, col: 12, context: '党组理论学习中心组围绕〖习思想〗开展专题研讨3次。' });
  });
});
