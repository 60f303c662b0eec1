import { getGenre } from '../report/genres.js';
import { buildOfflineOutline, renderOutline } from '../report/outline.js';
import { periodLabel } from '../report/period.js';
import { parseRequest } from '../report/request.js';
import { usageError } from './common.js';
import type { Command, CliIO } from './common.js';

const USAGE = [
  '用法：bigan outline "<写作需求>"',
  '',
  '按文种模板生成报告提纲（离线，不调用大模型；需要补充的数字和事例以【待补充：……】标出）。',
  '示例：bigan outline "2025年上半年市交通运输局落实意识形态工作责任制情况报告"',
].join('\n');

export const outlineCommand: Command = {
  name: 'outline',
  usage: USAGE,
  run(args: string[], io: CliIO): Promise<number> {
    const text = args.join(' ').trim();
    if (!text) return Promise.resolve(usageError(io, '缺少写作需求', USAGE));
    if (text.startsWith('-')) return Promise.resolve(usageError(io, `未知选项：${text.split(/\s/)[0]}`, USAGE));
    const now = io.now?.() ?? new Date();
    const req = parseRequest(text, now);
    const genre = getGenre(req.genre);
    const notes = [`按${periodLabel(req.period)}${genre.name}起草。`, ...req.assumptions];
    io.stdout(`（${notes.join(' ')}）\n\n${renderOutline(buildOfflineOutline(req, genre, now))}\n`);
    return Promise.resolve(0);
  },
};
