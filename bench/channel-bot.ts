/**
 * The comparison bot for bench/load.ts: the smallest streaming bot on the Lark SDK's own
 * LarkChannel (`createLarkChannel`, @larksuiteoapi/node-sdk 1.74): webhook transport plugged into
 * `adaptDefault`, each message answered with `channel.stream()` fed by the openai SDK. One process,
 * in-memory dedup and queues, no Redis. Reads the same variables as the bot.
 */
import { createServer } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';
import OpenAI from 'openai';

const env = process.env;
const channel = lark.createLarkChannel({
  appId: env.FEISHU_APP_ID!,
  appSecret: env.FEISHU_APP_SECRET!,
  domain: env.FEISHU_DOMAIN,
  transport: 'webhook',
  webhook: { verificationToken: env.FEISHU_VERIFICATION_TOKEN },
  loggerLevel: lark.LoggerLevel.error,
});
const openai = new OpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, timeout: Number(env.OPENAI_TIMEOUT_MS ?? 60_000) });

channel.on('message', async (msg) => {
  await channel.stream(msg.chatId, {
    markdown: async (c) => {
      const s = await openai.chat.completions.create({ model: env.OPENAI_MODEL ?? 'fake', stream: true, messages: [{ role: 'user', content: msg.content }] });
      for await (const chunk of s) {
        const d = chunk.choices[0]?.delta?.content;
        if (d) await c.append(d);
      }
    },
  }, { replyTo: msg.messageId });
});
channel.on('error', () => undefined);
await channel.connect();
// The webhook transport leaves the HTTP side to the caller: the channel's dispatcher is not public.
const dispatcher = (channel as unknown as { dispatcher: lark.EventDispatcher }).dispatcher;
const handle = lark.adaptDefault('/feishu/events', dispatcher, { autoChallenge: true });
const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.end('{"ok":true}');
    return;
  }
  void handle(req, res);
});
server.listen(Number(env.PORT ?? 3000), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void channel.disconnect().finally(() => process.exit(0));
});
