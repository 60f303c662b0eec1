/**
 * 按审校意见修订 on a 飞书云文档 or a wiki page holding one (issue 22 item 6 for cloud docs): the critic's
 * exact, safe replacements go into a revised copy imported beside the document, the advice-only
 * findings are listed on the card, and the original document is not edited. Through the real SDK
 * against the fake Open API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readReview } from '../../src/documents/review/read.js';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies, replyTexts } from '../support/queues.js';
import { groupAtBot, messageIdOf, OTHER_USER_OPEN_ID, textEvent } from '../support/events.js';
import type { FakeMessage } from '../support/fake-feishu.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const replies = settledReplies;
const texts = (x: Harness, ms: FakeMessage[]) => replyTexts(x, ms.filter((m) => m.msg_type !== 'file'));
const offline = () => startHarness({ env: { OPENAI_API_KEY: '' } });

const DOC = 'DocxCritiqueRevise01';
const LINES = [
  '一、持续增强“四种意识”，坚决做到“两个维护”。',
  '（三）落实“三单”管理。',
  '（四）强化理论武装。多次组织中心组专题学习，学习形式多样。大家的劲头都挺足的,学习氛围搞得很好，要再接再励。',
  'XX单位按照要求，现将有关情况报告如下。',
];

function cloudDoc(x: Harness, lines: readonly string[] = LINES): void {
  // raw_content begins with the title, as Feishu's does.
  x.feishu.docs.set(DOC, { title: '上半年报告', content: ['上半年报告', ...lines].join('\n') });
  x.feishu.docAccess.set(DOC, { linkShare: 'tenant_readable' });
}

/** The revised copy the bot uploaded for import, read back paragraph by paragraph. */
async function importedCopy(x: Harness): Promise<string[]> {
  const [task] = [...x.feishu.importTasks.values()];
  const upload = x.feishu.driveUploads.get(task!.fileToken)!;
  return (await readReview(upload.data)).paragraphs.map((p) => p.text);
}

const editsOriginal = (x: Harness) => x.feishu.calls.some((c) => c.method !== 'GET' && c.path.includes(`/documents/${DOC}`));

describe('按审校意见修订 on a cloud doc', () => {
  it('a docx link: the exact fixes in a copy imported beside it, the advice listed, the original not edited', async () => {
    h = await offline();
    cloudDoc(h);
    const ev = textEvent(`按审校意见修订 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    const out = texts(h, await replies(h, messageIdOf(ev)));
    expect(out).toContain('已按审校意见修订云文档《上半年报告》：2 处确定的错误已改在修订稿里，3 条需要斟酌的意见只列出、未改动。');
    expect(out).toMatch(/修订稿已导入为新的云文档（原文档未改动）：https:\/\/fake\.feishu\.cn\/docx\/\S+/);
    expect(out).toContain('“再接再励”改为“再接再厉”');
    expect(out).toContain('不能逐条接受或拒绝');
    expect(out).toContain('“四种意识”：固定表述有误：应为“四个意识”');
    expect(out).toContain('“XX”：未填写的占位符“XX”');
    // Not the critique: no findings card, no model.
    expect(out).not.toContain('审校结果');
    expect(h.llm.requests).toHaveLength(0);

    expect(h.feishu.importTasks.size).toBe(1);
    expect([...h.feishu.importTasks.values()][0]!.fileName).toMatch(/^上半年报告（笔杆子修订）(\.docx)?$/);
    const copy = await importedCopy(h);
    expect(copy[0]).toBe('上半年报告（笔杆子修订）');
    expect(copy.slice(1)).toEqual([LINES[0], LINES[1], LINES[2]!.replace(',', '，').replace('再接再励', '再接再厉'), LINES[3]]);
    expect(editsOriginal(h)).toBe(false);
    expect(h.feishu.callsTo(/\/comments/)).toHaveLength(0);
  });

  it('a wiki link to a docx is revised the same way; “这版改了什么” lists the fixes', async () => {
    h = await offline();
    cloudDoc(h);
    h.feishu.wikiNodes.set('WikiCritiqueRev01', { obj_type: 'docx', obj_token: DOC, title: '知识库里的报告' });
    h.feishu.docAccess.set('WikiCritiqueRev01', { linkShare: 'tenant_readable' });
    const ev = textEvent('按审校意见修订 https://tenant.feishu.cn/wiki/WikiCritiqueRev01');
    await h.post(ev);
    const out = texts(h, await replies(h, messageIdOf(ev)));
    expect(out).toContain('已按审校意见修订云文档《知识库里的报告》：2 处确定的错误');
    expect([...h.feishu.importTasks.values()][0]!.fileName).toMatch(/^知识库里的报告（笔杆子修订）(\.docx)?$/);
    expect((await importedCopy(h)).join('\n')).toContain('再接再厉');
    expect(editsOriginal(h)).toBe(false);

    const what = textEvent('这版改了什么', { rootId: messageIdOf(ev) });
    await h.post(what);
    const listed = texts(h, await replies(h, messageIdOf(what)));
    expect(listed).toContain('《知识库里的报告（笔杆子修订）》（第 1 版）改了这些');
    expect(listed).toContain('“再接再励”改为“再接再厉”');

    // The original was never edited: “改回上一版” points to it.
    const back = textEvent('改回上一版', { rootId: messageIdOf(ev) });
    await h.post(back);
    expect(texts(h, await replies(h, messageIdOf(back)))).toBe('上一版就是云文档《知识库里的报告》本身：修订都在另导入的修订稿里，原文档没有被改动，直接用它即可：https://tenant.feishu.cn/wiki/WikiCritiqueRev01');
    expect(editsOriginal(h)).toBe(false);
  });

  it('when the import fails the revised copy comes as a Word file, and the card says so', async () => {
    h = await offline();
    cloudDoc(h);
    h.feishu.failImports = true;
    const ev = textEvent(`按审校意见修订 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    const out = await replies(h, messageIdOf(ev), 2);
    const file = out.find((m) => m.msg_type === 'file')!;
    expect(file.file!.name).toBe('上半年报告（笔杆子修订）.docx');
    expect((await readReview(file.file!.data)).paragraphs.map((p) => p.text).join('\n')).toContain('再接再厉');
    expect(texts(h, out)).toContain('修订稿见附件《上半年报告（笔杆子修订）.docx》（没能导入为云文档；原文档未改动）');
    expect(editsOriginal(h)).toBe(false);
  });

  it('only advice, no exact fix: no copy is made, the advice is listed', async () => {
    h = await offline();
    cloudDoc(h, [LINES[0]!, LINES[3]!]);
    const ev = textEvent(`按审校意见修订 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    const out = texts(h, await replies(h, messageIdOf(ev)));
    expect(out).toContain('0 处确定的错误已改在修订稿里，2 条需要斟酌的意见只列出、未改动。没有确定的错误可改，未生成修订稿，原文档未改动。');
    expect(h.feishu.importTasks.size).toBe(0);
  });

  it('nothing found: said in one sentence, nothing imported', async () => {
    h = await offline();
    cloudDoc(h, ['一、持续增强“四个意识”，坚决做到“两个维护”。']);
    const ev = textEvent(`按审校意见修订 https://tenant.feishu.cn/docx/${DOC}`);
    await h.post(ev);
    expect(texts(h, await replies(h, messageIdOf(ev)))).toBe('审校规则没有发现需要修订或列出的地方，云文档原样未动。');
    expect(h.feishu.importTasks.size).toBe(0);
  });

  it('in a group, someone who does not own the thread gets the critique only', async () => {
    h = await offline();
    cloudDoc(h);
    const first = groupAtBot(`帮我看看 https://tenant.feishu.cn/docx/${DOC}`, h.feishu.botOpenId);
    await h.post(first);
    await replies(h, messageIdOf(first));
    const other = groupAtBot(`按审校意见修订 https://tenant.feishu.cn/docx/${DOC}`, h.feishu.botOpenId, { rootId: messageIdOf(first), senderOpenId: OTHER_USER_OPEN_ID });
    await h.post(other);
    const out = texts(h, await replies(h, messageIdOf(other)));
    expect(out).toContain('只有文稿的主人');
    expect(out).toContain('审校结果');
    expect(h.feishu.importTasks.size).toBe(0);
  });
});
