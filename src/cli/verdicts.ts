import { writeFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { VerdictStore } from '../stores/verdicts.js';
import { alarmingRules, countByRule, verdictsCsv, verdictsJsonl } from '../report/verdicts.js';
import { parseCliTime, usageError } from './common.js';
import type { Command, CliIO } from './common.js';

const USAGE = [
  '用法：bigan verdicts [--since 日期] [--until 日期] [--rule 规则名] [--format jsonl|csv|summary] [-o 输出文件]',
  '',
  '导出写作者对审校意见的反馈（“误报”或“有用”），用于调整规则：每条只有时间、会话、用户的哈希、规则名、原文的指纹（哈希）、',
  '反馈和来源（卡片或 Word 批注回复），不含原文。--format summary 按规则汇总误报和有用的条数及误报占比。',
  '连接 REDIS_URL（默认 redis://127.0.0.1:6379），键前缀 REDIS_PREFIX（默认 bigan）。默认输出 JSON Lines 到标准输出。',
].join('\n');

export const verdictsCommand: Command = {
  name: 'verdicts',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const q: { since?: number; until?: number } = {};
    let format = 'jsonl';
    let rule: string | undefined;
    let out: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const v = args[i + 1];
      if (!['--since', '--until', '--rule', '--format', '-o'].includes(a)) return usageError(io, `未知参数：${a}`, USAGE);
      if (v === undefined) return usageError(io, `参数 ${a} 缺少值`, USAGE);
      i++;
      if (a === '--since' || a === '--until') {
        const t = parseCliTime(v, a === '--until');
        if (Number.isNaN(t)) return usageError(io, `无法识别的时间：${v}`, USAGE);
        q[a === '--since' ? 'since' : 'until'] = t;
      } else if (a === '--format') {
        if (v !== 'csv' && v !== 'jsonl' && v !== 'summary') return usageError(io, `--format 只能是 jsonl、csv 或 summary：${v}`, USAGE);
        format = v;
      } else if (a === '--rule') rule = v;
      else out = v;
    }
    const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const store = new VerdictStore(redis, { prefix: process.env.REDIS_PREFIX || 'bigan', retentionDays: 365 });
      const records = (await store.list(q)).filter((r) => !rule || r.rule === rule);
      const text = format === 'csv' ? verdictsCsv(records) : format === 'jsonl' ? verdictsJsonl(records)
        : alarmingRules(countByRule(records), { share: 0, min: 1 }).map((a) => `${a.rule}\t误报 ${a.falseAlarm}\t有用 ${a.total - a.falseAlarm}\t误报占比 ${Math.round(a.share * 100)}%\n`).join('');
      if (out) {
        await writeFile(out, text);
        io.stderr(`已导出 ${records.length} 条反馈到 ${out}\n`);
      } else io.stdout(text);
      return 0;
    } catch (err) {
      io.stderr(`读取反馈记录失败：${(err as Error).message}\n`);
      return 1;
    } finally {
      redis.disconnect();
    }
  },
};
