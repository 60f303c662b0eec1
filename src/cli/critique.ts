import { readFile } from 'node:fs/promises';
import { critique, formatFindingsText } from '../report/critique/index.js';
import type { ReportPeriod } from '../report/period.js';
import type { Command, CliIO } from './main.js';

const USAGE = [
  '用法：bigan critique [--json] [--period 2025H1|2025] [--now YYYY-MM-DD] <文件|->',
  '',
  '对报告文本做规则审校（占位符、网页残留、标点、序号、固定表述、时效、错别字、一致性、重复、文风）。',
  '  <文件>       要审校的文本文件（UTF-8）；用 - 从标准输入读取',
  '  --json       以 JSON 数组输出全部审校意见',
  '  --period     指定报告期（默认从标题推断），如 2025、2025H1、2025Q3',
  '  --now        指定“今天”的日期，用于解析“今年”等说法',
  '',
  '退出码：有“错误”级意见时为 1，否则为 0；用法错误为 2。',
].join('\n');

function parsePeriod(s: string): ReportPeriod | null {
  const m = /^(20\d{2})(?:[-_ ]?(H[12]|Q[1-4]))?$/i.exec(s.trim());
  if (!m) return null;
  const span = (m[2]?.toUpperCase() ?? 'year') as ReportPeriod['span'];
  return { year: Number(m[1]), span };
}

export const critiqueCommand: Command = {
  name: 'critique',
  summary: '规则审校：检查报告中的占位符、标点、序号、固定表述等问题',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    let json = false;
    let file: string | undefined;
    let period: ReportPeriod | undefined;
    let now: Date | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--period' || a === '--now') {
        const v = args[++i];
        if (v === undefined) return usageError(io, `选项 ${a} 缺少取值`);
        if (a === '--period') {
          const p = parsePeriod(v);
          if (!p) return usageError(io, `无法识别的报告期：${v}（示例：2025、2025H1、2025Q3）`);
          period = p;
        } else {
          const d = new Date(`${v}T00:00:00Z`);
          if (Number.isNaN(d.getTime())) return usageError(io, `无法识别的日期：${v}（格式：YYYY-MM-DD）`);
          now = d;
        }
      } else if (a !== '-' && a.startsWith('-')) return usageError(io, `未知选项：${a}`);
      else if (file === undefined) file = a;
      else return usageError(io, `只能审校一个文件，多出参数：${a}`);
    }
    if (file === undefined) return usageError(io, '缺少要审校的文件（用 - 表示从标准输入读取）');

    let text: string;
    try {
      text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (err as Error).message;
      io.stderr(`无法读取文件 ${file}：${why}\n`);
      return 2;
    }
    text = text.replace(/^\uFEFF/, '');

    const opts: { period?: ReportPeriod; now?: Date } = {};
    if (period) opts.period = period;
    if (now) opts.now = now;
    const findings = critique(text, opts);
    if (json) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
    else io.stdout(`${formatFindingsText(findings, text, file === '-' ? '<标准输入>' : file)}\n`);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

function usageError(io: CliIO, msg: string): number {
  io.stderr(`${msg}\n\n${USAGE}\n`);
  return 2;
}
