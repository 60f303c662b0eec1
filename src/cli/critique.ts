import { critique, formatFindingsText, type CritiqueOptions } from '../report/critique/index.js';
import type { ReportPeriod } from '../report/period.js';
import { readTextInput, usageError as usageErrorOf } from './common.js';
import type { Command, CliIO } from './common.js';

const USAGE = [
  '用法：bigan critique [--json] [--period 2025H1|2025] [--now YYYY-MM-DD] [--words 词表文件] <文件|->',
  '',
  '对报告文本做规则审校（占位符、网页残留、标点、序号、固定表述、时效、错别字、一致性、重复、文风）。',
  '  <文件>       要审校的文本文件（UTF-8）；用 - 从标准输入读取',
  '  --json       以 JSON 数组输出全部审校意见',
  '  --period     指定报告期（默认从标题推断），如 2025、2025H1、2025Q3',
  '  --now        指定“今天”的日期，用于解析“今年”等说法',
  '  --words      本单位词表（机器人导出的 JSON，或每行“慎用：词语”“禁用：词语”“‘原词’改为‘新词’”），按“单位规定”提示',
  '',
  '退出码：有“错误”级意见时为 1，否则为 0；用法错误为 2。',
].join('\n');

function parsePeriod(s: string): ReportPeriod | null {
  const m = /^(20\d{2})(?:[-_ ]?(H[12]|Q[1-4]))?$/i.exec(s.trim());
  if (!m) return null;
  const span = (m[2]?.toUpperCase() ?? 'year') as ReportPeriod['span'];
  return { year: Number(m[1]), span };
}

/** A real calendar day written YYYY-MM-DD (Date would roll 2025-02-30 over to March 2). */
function parseDay(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? d : null;
}

const usageError = (io: CliIO, msg: string) => usageErrorOf(io, msg, USAGE);

export const critiqueCommand: Command = {
  name: 'critique',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    let json = false;
    let file: string | undefined;
    let wordsFile: string | undefined;
    const opts: CritiqueOptions = {};
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--words') {
        const v = args[++i];
        if (v === undefined) return usageError(io, '选项 --words 缺少取值');
        wordsFile = v;
      } else if (a === '--period' || a === '--now') {
        const v = args[++i];
        if (v === undefined) return usageError(io, `选项 ${a} 缺少取值`);
        if (a === '--period') {
          const p = parsePeriod(v);
          if (!p) return usageError(io, `无法识别的报告期：${v}（示例：2025、2025H1、2025Q3）`);
          opts.period = p;
        } else {
          const d = parseDay(v);
          if (!d) return usageError(io, `无法识别的日期：${v}（格式：YYYY-MM-DD）`);
          opts.now = d;
        }
      } else if (a !== '-' && a.startsWith('-')) return usageError(io, `未知选项：${a}`);
      else if (file === undefined) file = a;
      else return usageError(io, `只能审校一个文件，多出参数：${a}`);
    }
    if (file === undefined) return usageError(io, '缺少要审校的文件（用 - 表示从标准输入读取）');

    if (wordsFile !== undefined) {
      if (wordsFile === '-' && file === '-') return usageError(io, '词表和报告不能都从标准输入读取');
      const raw = await readTextInput(io, wordsFile);
      if (raw === null) return 2;
      // Loaded only here: its zod schema is most of `critique`'s start-up otherwise.
      const { parseUnitWordsFile } = await import('../report/unit-words.js');
      const parsed = parseUnitWordsFile(raw);
      if (!parsed.ok) {
        io.stderr(`${wordsFile}：${parsed.error}\n`);
        return 2;
      }
      opts.unitWords = parsed.list.entries;
    }
    const text = await readTextInput(io, file);
    if (text === null) return 2;
    // An empty input is a mistake (wrong file, nothing piped), not a clean report.
    if (text.trim() === '') {
      io.stderr(`${file === '-' ? '标准输入' : file} 没有可审校的内容\n`);
      return 2;
    }

    const findings = critique(text, { now: io.now?.() ?? new Date(), ...opts });
    if (json) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
    else io.stdout(`${formatFindingsText(findings, text, file === '-' ? '<标准输入>' : file)}\n`);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
