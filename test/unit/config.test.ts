import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

describe('readConfig', () => {
  it('defaults to console + offline with nothing set', () => {
    const c = readConfig({});
    expect(c.feishuEnabled).toBe(false);
    expect(c.llmEnabled).toBe(false);
    expect(c.FEISHU_DOMAIN).toBe('https://open.feishu.cn');
    expect(c.FEISHU_MODE).toBe('ws');
    expect(c.PORT).toBe(3000);
    expect(c.BOT_TIMEZONE).toBe('Asia/Shanghai');
    expect(c.ROLE).toBe('all');
  });

  it('treats empty strings as unset (a copied .env.example works as is)', () => {
    const c = readConfig({ FEISHU_APP_ID: '', OPENAI_API_KEY: ' ', REDIS_URL: '', PORT: '' });
    expect(c.feishuEnabled).toBe(false);
    expect(c.llmEnabled).toBe(false);
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
  });

  it.each([
    [{ FEISHU_MODE: 'socket' }, 'FEISHU_MODE'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ BOT_TIMEZONE: 'Mars/Olympus' }, 'BOT_TIMEZONE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ROLE: 'both' }, 'ROLE'],
    [{ FEISHU_DOMAIN: 'open.feishu.cn' }, 'FEISHU_DOMAIN'],
    [{ FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718' }, 'FEISHU_APP_SECRET'],
    [{ FEISHU_APP_ID: 'cli_x', FEISHU_APP_SECRET: 's' }, 'FEISHU_APP_ID'],
    [{ FEISHU_APP_SECRET: 's' }, 'FEISHU_APP_ID'],
    [{ DRAFT_TTL_DAYS: '7', DRAFT_EXPIRY_WARNING_DAYS: '7' }, 'DRAFT_EXPIRY_WARNING_DAYS'],
    [{ DRAFT_TTL_DAYS: '0' }, 'DRAFT_TTL_DAYS'],
  ])('names the variable in the error: %o', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });

  it('refuses webhook mode with neither a verification token nor an encrypt key, in one line, unless FEISHU_WEBHOOK_INSECURE is set', () => {
    const app = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'b', FEISHU_MODE: 'webhook' };
    expect(() => readConfig(app)).toThrow(ConfigError);
    try {
      readConfig(app);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
      expect((err as Error).message).toMatch(/FEISHU_VERIFICATION_TOKEN or FEISHU_ENCRYPT_KEY.*FEISHU_WEBHOOK_INSECURE=1/);
    }
    expect(readConfig({ ...app, FEISHU_VERIFICATION_TOKEN: 'v' }).feishu?.mode).toBe('webhook');
    expect(readConfig({ ...app, FEISHU_ENCRYPT_KEY: 'k' }).feishu?.mode).toBe('webhook');
    expect(readConfig({ ...app, FEISHU_WEBHOOK_INSECURE: '1' }).feishu?.mode).toBe('webhook');
    // A worker receives no webhooks; the long connection is authenticated by the SDK.
    expect(readConfig({ ...app, ROLE: 'worker' }).feishu?.mode).toBe('webhook');
    expect(readConfig({ ...app, FEISHU_MODE: 'ws' }).feishu?.mode).toBe('ws');
  });

  it('accepts any base URL for Feishu and the model', () => {
    const c = readConfig({ FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 'b', FEISHU_DOMAIN: 'http://127.0.0.1:9999', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5:14b' });
    expect(c.feishuEnabled && c.llmEnabled).toBe(true);
    expect(c.FEISHU_DOMAIN).toBe('http://127.0.0.1:9999');
  });
});

describe('.env.example', () => {
  it('documents every variable the config reads, each with a comment above it', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONFIG_KEYS } = await import('../../src/config.js');
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    for (const key of CONFIG_KEYS) {
      const i = lines.findIndex((l) => l.startsWith(`${key}=`));
      expect(i, key).toBeGreaterThan(0);
      let j = i - 1;
      while (j > 0 && /^[A-Z_]+=/.test(lines[j]!)) j--;
      expect(lines[j]!.startsWith('#'), `${key} has a comment`).toBe(true);
    }
    // and nothing stale
    for (const l of lines.filter((x) => /^[A-Z_]+=/.test(x))) expect(CONFIG_KEYS, l).toContain(l.split('=')[0]);
  });
});
