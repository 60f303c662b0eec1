import { writeFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { AuditLog, toCsv, toJsonl, type AuditQuery } from '../stores/audit.js';
import { parseCliTime, usageError } from './common.js';
import type { Command, CliIO } from './common.js';

const USAGE = [
  '用法：bigan audit [--since 日期] [--until 日期] [--user open_id] [--chat chat_id] [--kind 类型] [--format jsonl|csv] [-o 输出文件]',
  '',
  '查询并导出审计记录（每个受理的任务和每次拒绝一条，只有时间、会话、用户、任务类型、文档标识、模型和提示词版本、结果，',
  '不含消息和文档内容）。日期写作 2026-01-01 或 2026-01-01T08:00:00+08:00；--until 的日期含当天。',
  '连接 REDIS_URL（默认 redis://127.0.0.1:6379），键前缀 REDIS_PREFIX（默认 bigan）。默认输出 JSON Lines 到标准输出。',
].join('\n');

export const auditCommand: Command = {
  name: 'audit',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const q: AuditQuery = {};
    let format = 'jsonl';
    let out: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const v = args[i + 1];
      if (!['--since', '--until', '--user', '--chat', '--kind', '--format', '-o'].includes(a)) return usageError(io, `未知参数：${a}`, USAGE);
      if (v === undefined) return usageError(io, `参数 ${a} 缺少值`, USAGE);
      i++;
      if (a === '--since' || a === '--until') {
        const t = parseCliTime(v, a === '--until');
        if (Number.isNaN(t)) return usageError(io, `无法识别的时间：${v}`, USAGE);
        q[a === '--since' ? 'since' : 'until'] = t;
      } else if (a === '--format') {
        if (v !== 'csv' && v !== 'jsonl') return usageError(io, `--format 只能是 jsonl 或 csv：${v}`, USAGE);
        format = v;
      } else if (a === '-o') out = v;
      else q[a.slice(2) as 'user' | 'chat' | 'kind'] = v;
    }
    const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      const audit = new AuditLog(redis, { prefix: process.env.REDIS_PREFIX || 'bigan', retentionDays: 180 });
      const records = await audit.query(q);
      const text = format === 'csv' ? toCsv(records) : toJsonl(records);
      if (out) {
        await writeFile(out, text);
        io.stderr(`已导出 ${records.length} 条审计记录到 ${out}\n`);
      } else io.stdout(text);
      return 0;
    } catch (err) {
      io.stderr(`读取审计记录失败：${(err as Error).message}\n`);
      return 1;
    } finally {
      redis.disconnect();
    }
  },
};
