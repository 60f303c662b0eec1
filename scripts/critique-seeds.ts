/**
 * Run the critic over a folder of seed reports and print counts per rule and severity.
 * Usage: npx tsx scripts/critique-seeds.ts ../shared/corpus/seeds [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { critique, formatFindingsText } from '../src/report/critique/index.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dir = args.find((a) => !a.startsWith('-'));
if (!dir) {
  console.error('用法：npx tsx scripts/critique-seeds.ts <目录> [--verbose]');
  process.exit(2);
}

const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
if (files.length === 0) {
  console.error(`${dir} 中没有 .txt 文件`);
  process.exit(2);
}
for (const f of files) {
  const text = readFileSync(join(dir, f), 'utf8');
  const findings = critique(text);
  const table = new Map<string, { error: number; warning: number; info: number }>();
  for (const x of findings) {
    const row = table.get(x.rule) ?? { error: 0, warning: 0, info: 0 };
    row[x.severity]++;
    table.set(x.rule, row);
  }
  console.log(`\n== ${f} (${text.length} 字符，${findings.length} 条)`);
  for (const [rule, c] of [...table].sort()) console.log(`  ${rule.padEnd(12)} 错误 ${c.error}  警告 ${c.warning}  提示 ${c.info}`);
  if (verbose) console.log(formatFindingsText(findings.filter((x) => x.severity !== 'info'), text, f));
}
