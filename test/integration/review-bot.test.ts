/**
 * The review loop's edges through the bot (issue 22 items 6–8, 10): versions, who may revise in a
 * group, 按审校意见修订, and each kind of bad input with its clear answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readReview } from '../../src/documents/review/read.js';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies, replyTexts } from '../support/queues.js';
import { groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent, USER_OPEN_ID } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { editPart, fileMessage, fixture, W } from '../support/review-docx.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const replies = settledReplies;
const texts = (x: Harness, ms: FakeMessage[]) => replyTexts(x, ms.filter((m) => m.msg_type !== 'file'));
const offline = () => startHarness({ env: { OPENAI_API_KEY: '' } });

describe('versions', () => {
  it('“这版改了什么” lists the changes by comment; “改回上一版” sends the version it was made from', async () => {
    h = await offline();
    const input = fixture('leader-review.docx');
    const ev = fileMessage(h, '上半年报告.docx', input);
    await h.post(ev);
    await replies(h, messageIdOf(ev));
    const all = textEvent('全部处理', { rootId: messageIdOf(ev) });
    await h.post(all);
    await replies(h, messageIdOf(all), 2);

    const what = textEvent('这版改了什么', { rootId: messageIdOf(ev) });
    await h.post(what);
    const listed = texts(h, await replies(h, messageIdOf(what)));
    expect(listed).toContain('《上半年报告（笔杆子修订）.docx》（第 1 版）改了这些');
    expect(listed).toContain('5.【改写】');
    expect(listed).toContain('“再接再励”改为“再接再厉”');

    const back = textEvent('改回上一版', { rootId: messageIdOf(ev) });
    await h.post(back);
    const out = await replies(h, messageIdOf(back), 2);
    const file = out.find((m) => m.msg_type === 'file')!;
    expect(file.file!.name).toBe('上半年报告.docx');
    expect(Buffer.compare(file.file!.data, input)).toBe(0);
    expect(texts(h, out)).toContain('已改回上一版');
  });

  it('with no version yet, says so', async () => {
    h = await offline();
    const ev = textEvent('改回上一版');
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('还没有按批注修改过的版本');
  });
});

describe('in a group', () => {
  it('only the owner, or a reviewer the owner named, may have the file revised', async () => {
    h = await offline();
    h.feishu.addUserFile('om_group_review', '上半年报告.docx', fixture('leader-review.docx'));
    const bot = h.feishu.botOpenId;
    const ask = groupAtBot('处理批注', bot, { parentId: 'om_group_review' });
    await h.post(ask);
    expect(texts(h, await replies(h, messageIdOf(ask)))).toContain('共 7 条批注');

    const other = groupAtBot('全部处理', bot, { rootId: 'om_group_review', senderOpenId: OTHER_USER_OPEN_ID });
    await h.post(other);
    expect(texts(h, await replies(h, messageIdOf(other)))).toContain('只有文稿的主人');
    expect(h.feishu.messages.filter((m) => m.msg_type === 'file')).toHaveLength(0);

    const name = groupAtBot('@_user_2 审稿', bot, { rootId: 'om_group_review', mentions: [{ key: '@_user_1', openId: bot, name: '笔杆子' }, { key: '@_user_2', openId: OTHER_USER_OPEN_ID, name: '张三' }] });
    await h.post(name);
    expect(texts(h, await replies(h, messageIdOf(name)))).toContain('张三 可以审这份稿子');

    const again = groupAtBot('全部处理', bot, { rootId: 'om_group_review', senderOpenId: OTHER_USER_OPEN_ID });
    await h.post(again);
    const out = await replies(h, messageIdOf(again), 2);
    expect(out.find((m) => m.msg_type === 'file')!.file!.name).toBe('上半年报告（笔杆子修订）.docx');
  });

  it('someone else quoting the owner’s file gets the critique only', async () => {
    h = await offline();
    h.feishu.addUserFile('om_group_owned', '上半年报告.docx', fixture('leader-review.docx'));
    const bot = h.feishu.botOpenId;
    const first = groupAtBot('处理批注', bot, { parentId: 'om_group_owned', senderOpenId: USER_OPEN_ID });
    await h.post(first);
    await replies(h, messageIdOf(first));
    const other = groupAtBot('处理批注', bot, { parentId: 'om_group_owned', senderOpenId: OTHER_USER_OPEN_ID });
    await h.post(other);
    const out = texts(h, await replies(h, messageIdOf(other)));
    expect(out).toContain('下面只给出审校意见');
    expect(out).toContain('审校结果');
  });
});

describe('按审校意见修订', () => {
  it('on a file just sent (private chat): the critic’s exact fixes as revisions, the advice as comments', async () => {
    h = await offline();
    const ev = fileMessage(h, '报告.docx', fixture('plain-report.docx'));
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('这份文档没有批注，已按审校处理。');
    const ask = textEvent('按审校意见修订');
    await h.post(ask);
    const out = await replies(h, messageIdOf(ask), 2);
    const file = out.find((m) => m.msg_type === 'file')!;
    expect(file.file!.name).toBe('报告（笔杆子修订）.docx');
    expect(texts(h, out)).toMatch(/已按审校意见修订，附件《报告（笔杆子修订）\.docx》：\d+ 处确定的错误改成了修订/);
    const review = await readReview(file.file!.data);
    expect(review.changes.some((c) => c.author === '笔杆子' && c.text === '再接再厉')).toBe(true);
    expect(review.comments.some((c) => c.author === '笔杆子')).toBe(true);
  });
});

describe('bad input', () => {
  it('a .docx without comments goes to the critique and says so once', async () => {
    h = await offline();
    const ev = fileMessage(h, '报告.docx', fixture('plain-report.docx'));
    await h.post(ev);
    const out = texts(h, await replies(h, messageIdOf(ev)));
    expect(out.match(/这份文档没有批注/g)).toHaveLength(1);
    expect(out).toContain('审校结果');
  });

  it('comments on an image or in a table are answered, not revised; an unplaced one is answered 未能定位', async () => {
    h = await offline();
    const ev = fileMessage(h, '有图的报告.docx', fixture('objects-review.docx'));
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toContain('共 3 条批注');
    const all = textEvent('全部处理', { rootId: messageIdOf(ev) });
    await h.post(all);
    const out = await replies(h, messageIdOf(all), 2);
    const review = await readReview(out.find((m) => m.msg_type === 'file')!.file!.data);
    const answers = review.comments.filter((c) => c.author === '王书记').map((c) => c.replies.find((r) => r.author === '笔杆子')?.text ?? '');
    expect(answers).toHaveLength(3);
    expect(answers.some((a) => /图片|未能定位/.test(a))).toBe(true);
    expect(answers.some((a) => /表格/.test(a))).toBe(true);
  });

  it('a document under 限制编辑 says how to lift it; an encrypted one says to clear the password', async () => {
    h = await offline();
    const locked = await editPart(fixture('leader-review.docx'), 'word/settings.xml', (d) => {
      const p = d.createElementNS(W, 'w:documentProtection');
      p.setAttributeNS(W, 'w:edit', 'readOnly');
      p.setAttributeNS(W, 'w:enforcement', '1');
      d.documentElement.insertBefore(p, d.documentElement.firstChild);
    });
    const a = fileMessage(h, '锁定.docx', locked);
    await h.post(a);
    expect(texts(h, await replies(h, messageIdOf(a)))).toContain('停止保护');
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from('EncryptedPackage', 'utf16le')]);
    const b = fileMessage(h, '加密.docx', cfb);
    await h.post(b);
    expect(texts(h, await replies(h, messageIdOf(b)))).toContain('设置了打开密码');
  });

  it('a number out of range is named, with the count', async () => {
    h = await offline();
    const ev = fileMessage(h, '上半年报告.docx', fixture('leader-review.docx'));
    await h.post(ev);
    await replies(h, messageIdOf(ev));
    const bad = textEvent('处理 9', { rootId: messageIdOf(ev) });
    await h.post(bad);
    expect(texts(h, await replies(h, messageIdOf(bad)))).toContain('没有第 9 条批注：这份文档共 7 条');
  });
});
