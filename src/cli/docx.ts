import { writeFile } from 'node:fs/promises';
import { renderDocx } from '../export/docx.js';
import { splitSignOff } from '../report/layout.js';
import { readTextInput, usageError } from './common.js';
import type { Command, CliIO } from './common.js';

const USAGE = [
  '用法：bigan docx <文本文件> [-o 输出.docx]',
  '',
  '把纯文本报告排成符合 GB/T 9704 的 Word 文档：第一行为标题（二号小标宋），正文三号仿宋，',
  '“一、”黑体、“（一）”楷体，固定行距28磅，标准页边距。默认输出到同名 .docx 文件。',
].join('\n');

export const docxCommand: Command = {
  name: 'docx',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    let input: string | undefined;
    let output: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-o') {
        output = args[++i];
        if (!output) return usageError(io, '选项 -o 缺少文件名', USAGE);
      } else if (a.startsWith('-')) return usageError(io, `未知选项：${a}`, USAGE);
      else if (!input) input = a;
      else return usageError(io, `多出参数：${a}`, USAGE);
    }
    if (!input) return usageError(io, '缺少输入文件', USAGE);
    const text = await readTextInput(io, input);
    if (text === null) return 2;
    const lines = text.split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim());
    if (first < 0) {
      io.stderr(`${input} 是空文件\n`);
      return 2;
    }
    const out = output ?? input.replace(/\.[^./]*$/, '') + '.docx';
    // The trailing unit and date lines are the sign-off: set apart and right-aligned, as the bot's export does.
    const { body, unit, date } = splitSignOff(lines.slice(first + 1));
    const bytes = await renderDocx({ title: lines[first]!.trim(), body: body.join('\n'), ...(unit ? { unit } : {}), ...(date ? { date } : {}) });
    try {
      await writeFile(out, bytes);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '目录不存在' : code === 'EACCES' ? '没有写入权限' : code === 'EISDIR' ? '这是一个目录' : (err as Error).message;
      io.stderr(`无法写入 ${out}：${why}\n`);
      return 2;
    }
    io.stdout(`已生成 ${out}\n`);
    return 0;
  },
};
