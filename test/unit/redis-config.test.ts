import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

describe('Redis target configuration (issue 25 item 5)', () => {
  it('reads cluster seed nodes, wraps the prefix as a hash tag and takes TLS and credentials from rediss:// seeds', () => {
    const c = readConfig({ REDIS_CLUSTER_NODES: 'rediss://bot:s3cret@10.0.0.1:6380, 10.0.0.2:6380' });
    expect(c.redis).toEqual({ kind: 'cluster', nodes: [{ host: '10.0.0.1', port: 6380 }, { host: '10.0.0.2', port: 6380 }], tls: true, username: 'bot', password: 's3cret' });
    expect(c.REDIS_PREFIX).toBe('{bigan}');
    expect(readConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_PREFIX: '{team}' }).REDIS_PREFIX).toBe('{team}');
  });

  it('reads Sentinel with the master name, credentials, TLS and database', () => {
    const c = readConfig({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'bigan-master', REDIS_PASSWORD: 'pw', REDIS_TLS: 'on', REDIS_DB: '2', REDIS_SENTINEL_PASSWORD: 'spw' });
    expect(c.redis).toEqual({ kind: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }], name: 'bigan-master', tls: true, password: 'pw', db: 2, sentinelPassword: 'spw' });
    expect(c.REDIS_PREFIX).toBe('bigan');
  });

  it('keeps one server as a URL (rediss:// is TLS) and no target when nothing is set', () => {
    expect(readConfig({ REDIS_URL: 'rediss://u:p@redis.example:6380/1' }).redis).toEqual({ kind: 'single', url: 'rediss://u:p@redis.example:6380/1' });
    expect(readConfig({}).redis).toBeUndefined();
  });

  it('refuses two kinds at once and a seed that is not host:port, naming the variable', () => {
    expect(() => readConfig({ REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'b:7000' })).toThrow(/REDIS_URL, REDIS_CLUSTER_NODES: set only one/);
    expect(() => readConfig({ REDIS_CLUSTER_NODES: 'nodeport' })).toThrow(ConfigError);
    expect(() => readConfig({ REDIS_SENTINELS: 'host:99999' })).toThrow(/REDIS_SENTINELS: "host:99999"/);
  });
});
