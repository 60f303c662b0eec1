import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/report/critique/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/bigan.mjs`;
const FIX = `${ROOT}test/fixtures/critique/`;

function bigan(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bigan critique (real CLI)', () => {
  it('--json prints the findings and exits 1 when there are errors', () => {
    const r = bigan(['critique', '--json', `${FIX}placeholder.txt`]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.length).toBeGreaterThan(5);
    expect(findings[0]).toMatchObject({ rule: 'placeholder', category: 'placeholder', severity: 'error' });
  });

  it('exits 0 on a clean report, with a summary line', () => {
    const r = bigan(['critique', `${FIX}clean-annual.txt`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('未发现问题。');
  });

  it('reads stdin with -, human-readable output with file:line:col', () => {
    const r = bigan(['critique', '-'], '2025年度工作报告\n开展学习，，效果好。\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<标准输入>:2:5  错误  标点符号“，”重复  → ，');
    expect(r.stdout).toMatch(/共 \d+ 条：错误 \d+ 条/);
  });

  it('--json on stdin with warnings only exits 0', () => {
    const r = bigan(['critique', '--json', '-'], '开展“学习强国”答题、知识竞赛、等活动。');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Finding[]).map((f) => f.severity)).toEqual(['warning']);
  });

  it('usage errors exit 2 with a Chinese message', () => {
    const missing = bigan(['critique', `${FIX}no-such-file.txt`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
    const noArg = bigan(['critique']);
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toContain('缺少要审校的文件');
    const unknown = bigan(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令：frobnicate');
    const badOpt = bigan(['critique', '--bogus', 'x.txt']);
    expect(badOpt.code).toBe(2);
    expect(badOpt.stderr).toContain('未知选项');
  });

  it('--help lists the subcommands', () => {
    const r = bigan(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('critique');
    expect(bigan(['critique', '--help']).stdout).toContain('用法：bigan critique');
  });

  it('--period overrides the inferred period', () => {
    const r = bigan(['critique', '--json', '--period', '2024', '-'], '深入开展党史学习教育。');
    expect((JSON.parse(r.stdout) as Finding[]).map((f) => f.rule)).toEqual(['dates']);
  });
});
