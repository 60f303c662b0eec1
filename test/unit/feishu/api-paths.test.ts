import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLarkClient, FeishuApi } from '../../../src/feishu/api.js';
import { createLogger } from '../../../src/logger.js';
import { FakeFeishu } from '../../support/fake-feishu.js';

let feishu: FakeFeishu | undefined;
afterEach(async () => {
  await feishu?.close();
  feishu = undefined;
});

describe('Open API paths', () => {
  it('encode ids taken from events, so a crafted id cannot change the endpoint', async () => {
    feishu = await FakeFeishu.start();
    const log = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
    const api = new FeishuApi(createLarkClient({ appId: 'cli_a1b2c3d4e5f60718', appSecret: 's', domain: feishu.url, log }));
    await api.react('om_a/../../chats/oc_x?y=1#z', 'OnIt').catch(() => undefined);
    const call = feishu.callsTo(/reactions$/)[0] ?? feishu.calls.at(-1)!;
    expect(call.path).toBe('/open-apis/im/v1/messages/om_a%2F..%2F..%2Fchats%2Foc_x%3Fy%3D1%23z/reactions');
    expect(call.query).toEqual({});
  });
});
