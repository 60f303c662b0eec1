import { describe, expect, it } from 'vitest';
import { postToPlainText, toIncoming, type ReceiveEvent } from '../../../src/feishu/parse-event.js';
import { groupAtBot, messageEvent, textEvent } from '../../support/events.js';

const bot = { openId: 'ou_bot_1', name: '笔杆子' };
const flat = (ev: Record<string, unknown>) => ({ ...(ev.header as object), ...(ev.event as object) }) as ReceiveEvent;
const now = Date.now();

describe('toIncoming', () => {
  it('accepts a private text and keeps thread ids', async () => {
    const d = await toIncoming(flat(textEvent('你好', { rootId: 'om_root', threadId: 'omt_1' })), bot, { now, maxAgeMs: 60_000 });
    expect(d.accept).toBe(true);
    if (!d.accept) return;
    expect(d.message.payload).toEqual({ kind: 'text', text: '你好', quotedId: 'om_root' });
    expect(d.message.conversation).toMatchObject({ chatType: 'p2p', rootId: 'om_root', threadId: 'omt_1' });
  });

  it('strips the bot placeholder in groups and requires the bot itself to be mentioned', async () => {
    const at = await toIncoming(flat(groupAtBot('审阅一下', bot.openId)), bot, { now, maxAgeMs: 60_000 });
    expect(at.accept && at.message.payload).toEqual({ kind: 'text', text: '审阅一下' });
    const other = await toIncoming(flat(groupAtBot('审阅一下', 'ou_someone_else')), bot, { now, maxAgeMs: 60_000 });
    expect(other).toEqual({ accept: false, reason: 'not-mentioned' });
    const none = await toIncoming(flat(textEvent('审阅一下', { chatType: 'group' })), bot, { now, maxAgeMs: 60_000 });
    expect(none).toEqual({ accept: false, reason: 'not-mentioned' });
  });

  it('drops app senders and stale events; reads files and quotes; marks other types unsupported', async () => {
    expect(await toIncoming(flat(textEvent('x', { senderType: 'app' })), bot, { now, maxAgeMs: 60_000 })).toEqual({ accept: false, reason: 'from-bot' });
    expect(await toIncoming(flat(textEvent('x', { createTime: now - 120_000 })), bot, { now, maxAgeMs: 60_000 })).toEqual({ accept: false, reason: 'stale' });
    const file = await toIncoming(flat(messageEvent('file', { file_key: 'f', file_name: 'a.docx' })), bot, { now, maxAgeMs: 60_000 });
    expect(file.accept && file.message.payload).toEqual({ kind: 'file', file: { messageId: file.accept ? file.message.conversation.messageId : '', fileKey: 'f', name: 'a.docx' } });
    const sticker = await toIncoming(flat(messageEvent('sticker', { file_key: 's' })), bot, { now, maxAgeMs: 60_000 });
    expect(sticker.accept && sticker.message.payload).toEqual({ kind: 'unsupported', messageType: 'sticker' });
    const quoting = await toIncoming(flat(textEvent('帮我看看', { parentId: 'om_quoted' })), bot, { now, maxAgeMs: 60_000 });
    expect(quoting.accept && quoting.message.payload).toEqual({ kind: 'text', text: '帮我看看', quotedId: 'om_quoted' });
  });
});

describe('postToPlainText', () => {
  it('joins title, text, links and other people\'s mentions; drops the bot and images', () => {
    const content = JSON.stringify({
      title: '标题',
      content: [
        [{ tag: 'at', user_id: '@_user_1' }, { tag: 'text', text: '正文' }, { tag: 'a', text: '链接', href: 'https://x' }],
        [{ tag: 'img', image_key: 'img_1' }],
        [{ tag: 'at', user_id: '@_user_2', user_name: '李四' }, { tag: 'text', text: '请看' }],
      ],
    });
    expect(postToPlainText(content, new Set(['@_user_1']))).toBe('标题\n正文链接\n\n@李四请看');
  });

  it('tolerates a locale wrapper and bad JSON', () => {
    expect(postToPlainText(JSON.stringify({ zh_cn: { title: '', content: [[{ tag: 'text', text: '甲' }]] } }), new Set())).toBe('甲');
    expect(postToPlainText('{oops', new Set())).toBe('');
  });
});
