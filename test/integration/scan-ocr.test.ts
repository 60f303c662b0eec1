/**
 * Issue 23's leftovers through a Feishu thread (real Lark SDK ↔ the fake Open API): a scanned PDF
 * recognised page by page by Feishu's OCR (the fake answers per page picture), shown for checking
 * and used only after 确认 with file · 第N页 · line; the cap, a page over the OCR limit, OCR refused,
 * an encrypted PDF; and 重新识别, which fetches the original again and replaces the pending result.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies, replyTexts } from '../support/queues.js';
import { cardActionEvent, messageIdOf, OTHER_USER_OPEN_ID, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';
import { fileMessage, photoMessage } from '../support/review-docx.js';
import { buildImagePdf } from '../support/pdf.js';
import { BUTTON_UNDER_WAY } from '../../src/core/texts.js';
import type { FakeRequestBody } from '../support/fake-openai.js';

/** A model that writes the 台账's facts into the draft (after the usual preamble). */
function writer(body: FakeRequestBody): string {
  const p = body.messages.at(-1)!.content;
  if (p.startsWith('请为下面的写作需求拟一份报告提纲')) return '好的，以下是提纲：\n\n**关于2026年上半年落实意识形态工作责任制情况的报告**\n\n## 一、工作开展情况\n（一）强化理论武装\n## 二、存在的问题\n（一）队伍力量薄弱\n## 三、下一步工作打算\n（一）持续抓好理论武装';
  return '当然可以！以下是正文：\n\n3月20日召开意识形态工作研判会，分析研判网络舆情。4月理论中心组集中学习15次。\n\n希望对您有帮助！';
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const texts = replyTexts;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/scan/${name}`, import.meta.url));
const OCR_PATH = '/open-apis/optical_char_recognition/v1/image/basic_recognize';
const ocrCalls = (x: Harness) => x.feishu.calls.filter((c) => c.path === OCR_PATH).length;
const downloads = (x: Harness, messageId: string) => x.feishu.calls.filter((c) => c.path.startsWith(`/open-apis/im/v1/messages/${messageId}/resources/`)).length;

/** The fixture's page k is a picture 1000+k pixels wide: the OCR fake answers by page. */
const pngWidth = (b: Buffer) => (b.subarray(1, 4).toString('latin1') === 'PNG' ? PNG.sync.read(b).width : 0);
const PAGE_LINES: Record<number, string[]> = {
  1001: ['2026年上半年意识形态工作台账', '2026年3月20日 召开意识形态工作研判会，分析研判网络舆情'],
  1002: ['2026年4月 理论中心组集中学习15次'],
  1003: ['2026年5月 开展网络安全宣传周活动'],
};
function answerByPage(x: Harness): Map<number, { lines: string[]; failures?: number }> {
  const byWidth = new Map<number, { match: (b: Buffer) => boolean; lines: string[]; failures?: number }>();
  for (const [w, lines] of Object.entries(PAGE_LINES)) byWidth.set(Number(w), { match: (b) => pngWidth(b) === Number(w), lines });
  x.feishu.tableApi.ocr.push(...byWidth.values());
  return byWidth;
}

const cardButtons = (x: Harness, m: FakeMessage) => x.feishu.buttonsOf(m);
const button = (x: Harness, m: FakeMessage, text: string) => cardButtons(x, m).find((b) => b.text === text)!.value;

/** Grey paper with specks: a clean page picture. */
const paper = (w: number, h: number) => {
  const g = Buffer.alloc(w * h, 240);
  for (let i = 0; i < g.length; i += 53) g[i] = 30;
  return g;
};
/** Grey noise: a page no encoding brings under the OCR limit at this size. */
const noise = (w: number, h: number) => {
  let s = 11;
  const g = Buffer.alloc(w * h);
  for (let i = 0; i < g.length; i++) g[i] = ((s = (s * 1103515245 + 12345) & 0x7fffffff) >> 16) & 255;
  return g;
};

describe('a scanned PDF through Feishu OCR (issue 23 item 3)', () => {
  it('each page is recognised and shown with its page number; used only after 确认, each fact as file · 第N页 · line', async () => {
    h = await startHarness({ llm: writer });
    answerByPage(h);
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const [card] = await settledReplies(h, messageIdOf(pdf));
    const check = h.feishu.textOf(card!);
    expect(check.split('\n').slice(0, 7)).toEqual([
      '识别结果，请核对（扫描件“台账扫描件.pdf”，识别了 3 页，共 4 行）：',
      '第1页：', '1. 2026年上半年意识形态工作台账', '2. 2026年3月20日 召开意识形态工作研判会，分析研判网络舆情',
      '第2页：', '1. 2026年4月 理论中心组集中学习15次',
      '第3页：',
    ]);
    expect(check).toContain('确认前这些内容不会用于起草');
    expect(cardButtons(h, card!).map((b) => b.text)).toEqual(['确认', '作废', '重新识别']);
    expect(ocrCalls(h)).toBe(3);
    expect(h.llm.requests).toHaveLength(0);

    // Before 确认 nothing recognised is material.
    const early = textEvent('根据这份扫描件写2026年上半年报告');
    await h.post(early);
    expect(texts(h, await settledReplies(h, messageIdOf(early)))).not.toContain('扫描件“台账扫描件.pdf”识别结果');

    const ok = textEvent('确认');
    await h.post(ok);
    expect(texts(h, await settledReplies(h, messageIdOf(ok)))).toContain('已确认扫描件“台账扫描件.pdf”的 4 行识别结果');

    const ask = textEvent('根据这份扫描件写2026年上半年报告');
    await h.post(ask);
    const draft = texts(h, await settledReplies(h, messageIdOf(ask)));
    expect(draft).toContain('“台账扫描件.pdf”作为本期事实材料使用');
    const where = textEvent('“3月20日召开意识形态工作研判会”这句出自哪里？', { rootId: messageIdOf(ask), threadId: `omt_${messageIdOf(ask)}` });
    await h.post(where);
    expect(texts(h, await settledReplies(h, messageIdOf(where)))).toContain('扫描件“台账扫描件.pdf”识别结果·第1页·第2行');
  });

  it('over the page cap: the first N pages are recognised, the rest named in words', async () => {
    h = await startHarness({ env: { OCR_MAX_PDF_PAGES: '2' } });
    answerByPage(h);
    const pdf = fileMessage(h, '长扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const check = texts(h, await settledReplies(h, messageIdOf(pdf)));
    expect(check).toContain('识别了 2 页，共 3 行');
    expect(check).toContain('这份 PDF 共 3 页，扫描件每次只识别前 2 页，第3页没有读取');
    expect(check).not.toContain('网络安全宣传周');
    expect(ocrCalls(h)).toBe(2);
  });

  it('a page over the OCR limit is named with its size and not sent; the other pages are recognised', async () => {
    h = await startHarness();
    h.feishu.tableApi.ocr.push({ match: (b) => pngWidth(b) === 800, lines: ['2026年6月 召开意识形态工作专题会议'] });
    const pdf = fileMessage(h, '高清扫描.pdf', buildImagePdf([{ width: 800, height: 1131, grey: paper(800, 1131) }, { width: 2500, height: 2500, grey: noise(2500, 2500) }]));
    await h.post(pdf);
    const check = texts(h, await settledReplies(h, messageIdOf(pdf)));
    expect(check).toContain('1. 2026年6月 召开意识形态工作专题会议');
    expect(check).toMatch(/第2页的扫描图片有 \d+\.\d MB，超过了文字识别一次可处理的 5 MB（按编码后计算），没有识别/);
    expect(ocrCalls(h)).toBe(1);
  });

  it('the tenant’s OCR quota spent elsewhere: a refused page waits the reset Feishu gives and is tried again, not the whole job', async () => {
    h = await startHarness();
    answerByPage(h);
    // Other apps of the tenant use the quota: one call a second is left for us.
    h.feishu.tableApi.ocrQps = 1;
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const check = texts(h, await settledReplies(h, messageIdOf(pdf)));
    expect(check).toContain('识别了 3 页，共 4 行');
    expect(h.feishu.tableApi.ocrCalls).toHaveLength(3);
    expect(h.feishu.calls.filter((c) => c.path === OCR_PATH).length).toBeGreaterThan(3);
    // The file was read once: the retries were the page's, not the job's.
    expect(downloads(h, messageIdOf(pdf))).toBe(1);
  });

  it('a page OCR fails on once: the job’s retry asks only for that page, the others are not recognised again', async () => {
    h = await startHarness();
    const pages = answerByPage(h);
    pages.get(1002)!.failures = 1;
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const check = texts(h, await settledReplies(h, messageIdOf(pdf)));
    expect(check).toContain('识别了 3 页，共 4 行');
    expect(check).toContain('1. 2026年4月 理论中心组集中学习15次');
    expect(check).not.toContain('没能识别');
    // Pages 1 and 3 once, page 2 twice (the failure and the retry's call).
    expect(ocrCalls(h)).toBe(4);
    expect(h.feishu.tableApi.ocrCalls.map((c) => pngWidth(c.image)).sort()).toEqual([1001, 1002, 1003]);
  });

  it('a page OCR fails on every attempt: the other pages are shown, that page named with how to read it again', async () => {
    h = await startHarness();
    const pages = answerByPage(h);
    pages.get(1002)!.failures = 99;
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const [card] = await settledReplies(h, messageIdOf(pdf));
    const check = h.feishu.textOf(card!);
    expect(check).toContain('识别结果，请核对（扫描件“台账扫描件.pdf”，识别了 2 页，共 3 行）');
    expect(check).toContain('第3页：\n1. 2026年5月 开展网络安全宣传周活动');
    expect(check).not.toContain('理论中心组');
    expect(check).toContain('第2页没能识别：飞书文字识别处理这一页时一再出错。其他页的结果照常列在上面；要补上这一页，请点卡片上的“重新识别”');
    expect(cardButtons(h, card!).map((b) => b.text)).toEqual(['确认', '作废', '重新识别']);
    // Three attempts (JOB_ATTEMPTS) asked for page 2; pages 1 and 3 were recognised once.
    expect(h.feishu.tableApi.ocrCalls.map((c) => pngWidth(c.image)).sort()).toEqual([1001, 1003]);
    expect(ocrCalls(h)).toBe(5);

    // 重新识别 reads the file again and, with page 2 readable now, every page.
    pages.get(1002)!.failures = 0;
    await h.post(cardActionEvent(card!.message_id, button(h, card!, '重新识别')));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(card!.message_id)).includes('学习15次'), undefined, 'the new recognition');
    expect(texts(h, h.feishu.repliesTo(card!.message_id))).toContain('识别了 3 页，共 4 行');
  });

  it('OCR refused for a missing scope: the scope named in words, nothing kept', async () => {
    h = await startHarness();
    h.feishu.tableApi.refuseOcr = true;
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const out = await settledReplies(h, messageIdOf(pdf));
    expect(out).toHaveLength(1);
    expect(texts(h, out)).toBe('应用还没有开通识别图片中的文字所需的权限（optical_char_recognition:image）。请管理员在飞书开发者后台「权限管理」中开通后发布新版本，再试一次。');
    const ok = textEvent('确认');
    await h.post(ok);
    expect(texts(h, await settledReplies(h, messageIdOf(ok)))).not.toContain('已确认');
  });

  it('an encrypted PDF gets the password answer and no OCR call', async () => {
    h = await startHarness();
    const pdf = fileMessage(h, '加密台账.pdf', fixture('encrypted.pdf'));
    await h.post(pdf);
    const out = await settledReplies(h, messageIdOf(pdf));
    expect(out).toHaveLength(1);
    expect(texts(h, out)).toContain('“加密台账.pdf”设置了打开密码，读不了');
    expect(ocrCalls(h)).toBe(0);
  });
});

describe('a mixed PDF (issue 23 item 3)', () => {
  it('mostly text: read as text and critiqued, its scanned page named rather than silently skipped; no OCR', async () => {
    h = await startHarness();
    const pdf = fileMessage(h, '混合.pdf', fixture('mixed.pdf'));
    await h.post(pdf);
    const out = texts(h, await settledReplies(h, messageIdOf(pdf)));
    expect(out).toContain('第2页没有文字层（扫描页或空白页），这些页的内容没有审阅');
    expect(ocrCalls(h)).toBe(0);
  });
});

describe('重新识别 (issue 23 item 3)', () => {
  it('a photo: the image fetched again, recognised anew on a new card that replaces the pending one; the old card acts no more', async () => {
    h = await startHarness();
    const photo = Buffer.from('JPEG-of-a-blurred-ledger');
    const ocr = { match: (b: Buffer) => b.equals(photo), lines: ['2026年5月 理论中心组集中学习8次'] };
    h.feishu.tableApi.ocr.push(ocr);
    const pic = photoMessage(h, photo);
    await h.post(pic);
    const [first] = await settledReplies(h, messageIdOf(pic));
    expect(h.feishu.textOf(first!)).toContain('1. 2026年5月 理论中心组集中学习8次');
    expect(downloads(h, messageIdOf(pic))).toBe(1);

    // The second recognition reads better.
    ocr.lines = ['2026年5月 理论中心组集中学习9次'];
    const retry = button(h, first!, '重新识别');
    await h.post(cardActionEvent(first!.message_id, retry));
    // Pressed again while it runs (or after): answered once, by the toast, and run once.
    const again = await h.post(cardActionEvent(first!.message_id, retry));
    expect(again.body).toMatchObject({ toast: { content: BUTTON_UNDER_WAY } });
    await h.feishu.waitFor(() => h!.feishu.repliesTo(first!.message_id).some((m) => h!.feishu.textOf(m).includes('学习9次')), undefined, 'the new recognition');
    const second = h.feishu.repliesTo(first!.message_id).find((m) => h!.feishu.textOf(m).includes('学习9次'))!;
    expect(downloads(h, messageIdOf(pic))).toBe(2);
    expect(ocrCalls(h)).toBe(2);

    await h.post(cardActionEvent(first!.message_id, button(h, first!, '确认')));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(first!.message_id)).includes('已经被重新识别的结果替换了'), undefined, 'the stale card refused');
    await h.post(cardActionEvent(second.message_id, button(h, second, '确认')));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(second.message_id)).includes('已确认图片'), undefined, 'the confirmation');
    const ask = textEvent('根据这张照片写2026年上半年报告');
    await h.post(ask);
    expect(texts(h, await settledReplies(h, messageIdOf(ask)))).toContain('取用了 1 条事实');
  });

  it('a scanned PDF: the file fetched again and every page recognised anew; in a group only its sender may press', async () => {
    h = await startHarness();
    const pages = answerByPage(h);
    const group = { chatType: 'group' as const, mentions: [{ key: '@_user_1', openId: h.feishu.botOpenId, name: '笔杆子' }] };
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'), group);
    await h.post(pdf);
    const [card] = await settledReplies(h, messageIdOf(pdf));
    expect(h.feishu.textOf(card!)).toContain('识别结果，请核对（扫描件“台账扫描件.pdf”');
    const retry = button(h, card!, '重新识别');
    await h.post(cardActionEvent(card!.message_id, retry, { openId: OTHER_USER_OPEN_ID, chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(card!.message_id)).includes('只有发这张照片或这份扫描件的人'), undefined, 'the refusal');
    expect(ocrCalls(h)).toBe(3);

    pages.get(1002)!.lines = ['2026年4月 理论中心组集中学习16次'];
    await h.post(cardActionEvent(card!.message_id, retry, { chatId: 'oc_group_chat_0001' }));
    await h.feishu.waitFor(() => texts(h!, h!.feishu.repliesTo(card!.message_id)).includes('学习16次'), undefined, 'the new recognition');
    expect(ocrCalls(h)).toBe(6);
    expect(downloads(h, messageIdOf(pdf))).toBe(2);
  });
  it('the original can no longer be downloaded (expired or recalled): said so, and asked for again; the pending result stays', async () => {
    h = await startHarness();
    answerByPage(h);
    const pdf = fileMessage(h, '台账扫描件.pdf', fixture('ledger-scan.pdf'));
    await h.post(pdf);
    const [card] = await settledReplies(h, messageIdOf(pdf));
    // Feishu no longer serves the message's file.
    h.feishu.userFiles.clear();
    await h.post(cardActionEvent(card!.message_id, button(h, card!, '重新识别')));
    await h.feishu.waitFor(() => h!.feishu.repliesTo(card!.message_id).length > 0, undefined, 'the answer');
    expect(texts(h, h.feishu.repliesTo(card!.message_id))).toBe('文件“台账扫描件.pdf”已经无法从原消息下载了（可能已过期，或消息已被撤回），所以没能重新识别。请把它重新发给我，我再识别一次。');
    expect(ocrCalls(h)).toBe(3);
    const ok = textEvent('确认');
    await h.post(ok);
    expect(texts(h, await settledReplies(h, messageIdOf(ok)))).toContain('已确认扫描件“台账扫描件.pdf”的 4 行识别结果');

    const photo = Buffer.from('JPEG-of-a-ledger-page');
    h.feishu.tableApi.ocr.push({ match: (b: Buffer) => b.equals(photo), lines: ['2026年5月 理论中心组集中学习8次'] });
    const pic = photoMessage(h, photo);
    await h.post(pic);
    const [first] = await settledReplies(h, messageIdOf(pic));
    h.feishu.userFiles.clear();
    await h.post(cardActionEvent(first!.message_id, button(h, first!, '重新识别')));
    await h.feishu.waitFor(() => h!.feishu.repliesTo(first!.message_id).length > 0, undefined, 'the answer');
    expect(texts(h, h.feishu.repliesTo(first!.message_id))).toBe('这张图片已经无法从原消息下载了（可能已过期，或消息已被撤回），所以没能重新识别。请把它重新发给我，我再识别一次。');
  });
});
