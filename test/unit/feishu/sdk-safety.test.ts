import { describe, expect, it } from 'vitest';
import { sanitizeSdkArg, scrubString } from '../../../src/feishu/sdk-safety.js';

describe('Lark SDK log sanitiser', () => {
  it('keeps codes, status and the path of a formatErrors array, drops request and response bodies', () => {
    const arg = [
      { message: 'Request failed with status code 500', config: { data: '{"app_id":"cli_x","app_secret":"S3cr3tValue"}', url: 'https://open.feishu.cn/open-apis/cardkit/v1/cards/c1?x=1', method: 'put', params: { a: 1 } }, response: { data: { code: 99991400, msg: 'rate limited' }, status: 500 } },
      { code: 99991400, msg: 'rate limited', card: { body: '用户原文' } },
    ];
    const out = JSON.stringify(sanitizeSdkArg(arg, ['S3cr3tValue']));
    expect(out).toContain('99991400');
    expect(out).toContain('/open-apis/cardkit/v1/cards/c1');
    expect(out).toContain('"status":500');
    expect(out).not.toContain('S3cr3tValue');
    expect(out).not.toContain('用户原文');
    expect(out).not.toContain('x=1');
  });

  it('reduces an Error to its message, name and code', () => {
    const e = Object.assign(new Error('timeout of 15000ms exceeded'), { code: 'ECONNABORTED', config: { data: 'card body 内容' } });
    expect(sanitizeSdkArg(e)).toEqual({ message: 'timeout of 15000ms exceeded', name: 'Error', code: 'ECONNABORTED' });
  });

  it('scrubs bearer tokens, token fields and known secrets from strings, and cuts long ones', () => {
    expect(scrubString('Authorization: Bearer t-g1044abcdefghijklmnop')).not.toContain('t-g1044');
    expect(scrubString('{"tenant_access_token":"t-abcdefghijklmnopqrstuv"}')).toBe('{"tenant_access_token":"[redacted]"}');
    expect(scrubString('app_secret=xyz123456')).toBe('app_secret=[redacted]');
    expect(scrubString('key is hunter2hunter2', ['hunter2hunter2'])).toBe('key is [redacted]');
    expect(scrubString('长'.repeat(500)).length).toBeLessThanOrEqual(201);
  });
});
