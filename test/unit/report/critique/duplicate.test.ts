import { describe, expect, it } from 'vitest';
import { fixture, run } from './helpers.js';

describe('duplicate rule', () => {
  it('flags near-duplicate sentences at the later one', () => {
    const t = fixture('duplicate.txt');
    const f = run(t).filter((x) => x.rule === 'duplicate');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('第1行'), expect.stringContaining('第2行')]);
    expect(t.slice(f[0]!.start, f[0]!.start + 3)).toBe('三是强');
  });

  it('flags exact repeats and ignores short or merely similar sentences', () => {
    const t = '加强组织领导，召开专题会议研究意识形态工作3次。\n加强组织领导，召开专题会议研究意识形态工作3次。\n开展学习。开展学习。\n加强阵地管理，检查宣传栏和电子屏共计20块。';
    const f = run(t).filter((x) => x.rule === 'duplicate');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('第1行');
  });

  it('stays fast on a long text with many similar sentences', () => {
    const unit = '局党组召开专题会议研究意识形态工作，部署阵地管理和舆情研判任务，明确责任分工。';
    const text = Array.from({ length: 2000 }, (_, i) => unit.replace('专题', `第${i}次专题`)).join('\n');
    const t0 = performance.now();
    run(text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
