/**
 * The `bigan` command line: a small subcommand dispatcher. A new subcommand is a
 * `Command` (see critique.ts) with an entry in COMMANDS below.
 */
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import { decodeUtf8, type CliIO, type CommandEntry } from './common.js';

export type { CliIO, Command } from './common.js';

/**
 * Listed in `bigan --help` in this order. Modules load per command so `bigan critique`
 * starts without Redis, docx or the genre tables (its start-up time is benchmarked).
 */
const ENTRIES: CommandEntry[] = [
  { name: 'critique', summary: '规则审校：检查报告中的占位符、标点、序号、固定表述等问题', load: async () => (await import('./critique.js')).critiqueCommand },
  { name: 'outline', summary: '按文种模板生成提纲（离线）', load: async () => (await import('./outline.js')).outlineCommand },
  { name: 'docx', summary: '把文本报告排成 GB/T 9704 版式的 Word 文档', load: async () => (await import('./docx.js')).docxCommand },
  { name: 'audit', summary: '查询、导出审计记录（CSV 或 JSON Lines）', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'verdicts', summary: '导出写作者对审校意见的反馈（误报/有用，CSV、JSON Lines 或按规则汇总）', load: async () => (await import('./verdicts.js')).verdictsCommand },
];
const COMMANDS = new Map(ENTRIES.map((c) => [c.name, c]));

function helpText(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((k) => k.length));
  const lines = [
    '笔杆子 Bigan 命令行',
    '',
    '用法：bigan <命令> [参数]',
    '',
    '命令：',
    ...[...COMMANDS.values()].map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '选项：',
    '  -h, --help  显示帮助',
    '',
    '查看某个命令的用法：bigan <命令> --help',
  ];
  return lines.join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${helpText()}\n`);
    return 2;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(`${helpText()}\n`);
    return 0;
  }
  const entry = COMMANDS.get(name);
  if (!entry) {
    io.stderr(`未知命令：${name}\n可用命令：${[...COMMANDS.keys()].join('、')}。运行 bigan --help 查看帮助。\n`);
    return 2;
  }
  const cmd = await entry.load();
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(`${cmd.usage}\n`);
    return 0;
  }
  return cmd.run(rest, io);
}

/** The terminal's streams; bin/bigan.mjs passes these to runCli from the compiled build. */
export const processIO: CliIO = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return decodeUtf8(Buffer.concat(chunks));
  },
};

function isEntry(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(arg)).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  runCli(process.argv.slice(2), processIO).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`内部错误：${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
