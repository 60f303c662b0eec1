import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../../src/report/critique/index.js';
import { SUITE_NOW, testClock } from '../../support/clock.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = `${ROOT}test/fixtures/critique/`;

/** The real CLI in its own process: the compiled src/cli/main.ts (test/support/global-setup.ts) under plain node. */
function bigan(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [inject('cliBundle'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
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
    // Since issue 11 every line carries the hit in context and the exact replacement.
    expect(r.stdout).toContain('<标准输入>:2:5  错误  标点符号“，”重复  开展学习〖，，〗效果好。  → 改为“，”');
    expect(r.stdout).toMatch(/共 \d+ 条：错误 \d+ 条/);
  });

  it('--json on stdin with warnings only exits 0', () => {
    const r = bigan(['critique', '--json', '-'], '开展“学习强国”答题、知识竞赛、等活动。');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Finding[]).map((f) => f.severity)).toEqual(['warning']);
  });

  it('--words reads the unit word list file (typed lines or the exported JSON) and marks its findings 单位规定', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-words-'));
    const words = join(dir, 'words.txt');
    writeFileSync(words, '慎用：抓手\n“街道办”改为“街道办事处”\n');
    const r = bigan(['critique', '--json', '--words', words, '-'], '2025年度工作报告\n以学习为抓手，街道办每季度研判一次。\n');
    const unit = (JSON.parse(r.stdout) as Finding[]).filter((f) => f.rule === 'unit-words');
    expect(unit.map((f) => [f.excerpt, f.source, f.replacement ?? null])).toEqual([['抓手', '单位规定', null], ['街道办', '单位规定', '街道办事处']]);
    const json = join(dir, 'words.json');
    writeFileSync(json, JSON.stringify({ format: 'bigan-unit-words', version: 1, source: '单位规定', entries: [{ word: '抓手', kind: 'forbid' }] }));
    const j = bigan(['critique', '--words', json, '-'], '2025年度工作报告\n以学习为抓手。\n');
    expect(j.code).toBe(1);
    expect(j.stdout).toContain('单位规定禁用“抓手”');
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '随便一句话\n');
    const b = bigan(['critique', '--words', bad, '-'], '2025年度工作报告\n正文。\n');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('词表第1行无法识别');
    expect(bigan(['critique', '--words']).stderr).toContain('选项 --words 缺少取值');
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

describe('bigan critique: bad input (in process)', () => {
  async function cli(args: string[], stdin = '') {
    const { runCli } = await import('../../../src/cli/main.js');
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readStdin: () => Promise.resolve(stdin), now: () => new Date(testClock(SUITE_NOW).now()) });
    return { code, stdout, stderr };
  }

  it('rejects a bad or missing --period / --now value, and a second file', async () => {
    for (const [args, msg] of [
      [['--period', '25H1', 'a.txt'], '无法识别的报告期：25H1'],
      [['--period', '2025H3', 'a.txt'], '无法识别的报告期'],
      [['--now', '2025-02-30', 'a.txt'], '无法识别的日期：2025-02-30'],
      [['--now', '2025', 'a.txt'], '无法识别的日期'],
      [['a.txt', '--now'], '选项 --now 缺少取值'],
      [['a.txt', 'b.txt'], '多出参数：b.txt'],
    ] as const) {
      const r = await cli(['critique', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(msg);
      expect(r.stderr).toContain('用法：bigan critique');
      expect(r.stdout).toBe('');
    }
  });

  it('accepts a valid --now and --period', async () => {
    const r = await cli(['critique', '--now', '2024-02-29', '--period', '2024q3', '--json', '-'], '深入开展党史学习教育。');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Finding[]).map((f) => f.rule)).toEqual(['dates']);
  });

  it('refuses empty input instead of reporting it clean', async () => {
    const r = await cli(['critique', '-'], '\n  \n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有可审校的内容');
    expect(r.stdout).toBe('');
  });

  it('refuses a directory and a file that is not UTF-8 (GBK, Word)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-critique-'));
    expect((await cli(['critique', dir])).stderr).toContain('这是一个目录');
    // "意识形态" in GBK.
    writeFileSync(join(dir, 'gbk.txt'), Buffer.from([0xd2, 0xe2, 0xca, 0xb6, 0xd0, 0xce, 0xcc, 0xac]));
    const gbk = await cli(['critique', join(dir, 'gbk.txt')]);
    expect(gbk.code).toBe(2);
    expect(gbk.stderr).toContain('不是 UTF-8 编码');
    writeFileSync(join(dir, 'r.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe]));
    const docx = await cli(['critique', join(dir, 'r.docx')]);
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('另存为 UTF-8 纯文本');
  });
});
