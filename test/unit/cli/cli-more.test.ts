import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBigan } from '../../support/cli.js';
import { readWordPackage } from '../../support/wordml.js';

// In process: the subcommands read and write through the CLI's injected I/O.
const run = (args: string[]) => runBigan(args);

describe('bigan outline', () => {
  it('prints a template outline with the genre skeleton and placeholders', async () => {
    const r = await run(['outline', '2025年上半年市交通运输局落实意识形态工作责任制情况报告']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('市交通运输局');
    expect(r.stdout).toMatch(/一、[\s\S]*二、[\s\S]*三、/);
    expect(r.stdout).toContain('【待补充');
  });

  it('exits 2 with the usage when the request is missing', async () => {
    const r = await run(['outline']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少写作需求');
  });

  it('exits 2 naming an unknown option', async () => {
    const r = await run(['outline', '--bogus', '2025年度报告']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知选项：--bogus');
    expect(r.stderr).toContain('用法：bigan outline');
  });
});

describe('bigan docx', () => {
  it('lays a text report out as a GB/T 9704 Word file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-docx-'));
    const input = join(dir, 'report.txt');
    writeFileSync(input, '关于2025年上半年落实意识形态工作责任制情况的报告\n\n今年以来，局党组认真落实意识形态工作责任制。\n一、主要做法\n（一）压实责任\n局党组专题研究意识形态工作。\n');
    const r = await run(['docx', input]);
    expect(r.code).toBe(0);
    const out = join(dir, 'report.docx');
    expect(existsSync(out)).toBe(true);
    const { paragraphs } = await readWordPackage(readFileSync(out));
    const font = (start: string) => paragraphs.find((p) => p.text.startsWith(start))!.props.eastAsia;
    expect(font('关于2025年')).toBe('方正小标宋简体');
    expect(font('一、主要做法')).toBe('黑体');
    expect(font('（一）压实责任')).toBe('楷体_GB2312');
  });

  it('refuses a missing or empty file clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-docx-'));
    expect((await run(['docx', join(dir, 'nope.txt')])).stderr).toContain('文件不存在');
    writeFileSync(join(dir, 'empty.txt'), '\n\n');
    const r = await run(['docx', join(dir, 'empty.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('空文件');
  });

  it('rejects a missing -o value or an unknown option, and reports an unwritable output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-docx-'));
    const input = join(dir, 'report.txt');
    writeFileSync(input, '2025年度意识形态工作报告\n一、主要做法\n');
    const noOut = await run(['docx', input, '-o']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('选项 -o 缺少文件名');
    expect((await run(['docx', '--bogus', input])).stderr).toContain('未知选项：--bogus');
    const unwritable = await run(['docx', input, '-o', join(dir, 'no-such-dir', 'out.docx')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('无法写入');
    expect(unwritable.stderr).not.toContain('内部错误');
  });
});
