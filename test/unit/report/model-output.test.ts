import { describe, expect, it } from 'vitest';
import { chatResidue, cleanModelOutput, fullWidthPunctuation, normaliseHeadingMarker, sectionBody, splitPartText, streamingView } from '../../../src/report/model-output.js';
import { checkOutline, parseOutline } from '../../../src/report/outline.js';
import { getGenre } from '../../../src/report/genres.js';

const clean = (s: string, k: Parameters<typeof cleanModelOutput>[1] = 'outline') => cleanModelOutput(s, k);

describe('cleanModelOutput', () => {
  it('cuts a preamble glued onto the first line and a closing remark that became a point', () => {
    const r = clean('好的，以下是为您拟定的提纲：今年以来，局党组认真落实责任制。现将有关情况报告如下：\n一、工作开展情况\n（一）压实政治责任，健全工作机制\n1. 专题研究部署\n2. 以上提纲供参考，如需调整请随时告诉我！');
    expect(r.text.split('\n')[0]).toBe('今年以来，局党组认真落实责任制。现将有关情况报告如下：');
    expect(r.text).not.toContain('供参考');
    expect(r.removed.some((x) => x.startsWith('开场白'))).toBe(true);
  });

  it('drops notes, 修改说明 blocks and length remarks, keeps the body', () => {
    const r = clean('一是细化责任分工。二是加强督促检查。（本部分约1800字）\n\n> 提示：数字请据实填写。\n\n*注：以上为参考写法。*\n\n修改说明：\n1. 增加了具体措施。\n2. 调整了语序。', 'revise');
    expect(r.text).toBe('一是细化责任分工。二是加强督促检查。');
  });

  it('removes <think> blocks, a lone closing tag and an unfinished block', () => {
    expect(clean('<think>先想结构</think>\n一、工作开展情况').text).toBe('一、工作开展情况');
    expect(clean('想一想结构\n</think>\n一、工作开展情况').text).toBe('一、工作开展情况');
    expect(clean('一、工作开展情况\n<think>还在想').text).toBe('一、工作开展情况');
  });

  it('turns Markdown into plain lines and normalises heading styles to 一、（一）1.（1）', () => {
    const r = clean('# 标题\n## 第一部分：工作开展情况\n1. **压实政治责任，健全工作机制**\n   - 专题研究\n2. **强化理论武装，筑牢思想根基**\n## 二．存在的问题 （一）责任传导有温差\n（二）、阵地管理有短板\n(1)巡查不够\n1、整改');
    expect(r.text.split('\n')).toEqual(['标题', '一、工作开展情况', '（一）压实政治责任，健全工作机制', '专题研究', '（二）强化理论武装，筑牢思想根基', '二、存在的问题', '（一）责任传导有温差', '（二）阵地管理有短板', '（1）巡查不够', '1.整改']);
  });

  it('splits a bold heading from the paragraph it was run into', () => {
    expect(clean('**（一）压实责任**一是细化分工。', 'full').text).toBe('（一）压实责任\n一是细化分工。');
  });

  it('keeps a last report sentence that merely sounds like a closer', () => {
    expect(clean('一是细化措施。\n各部门可根据实际情况调整完善工作台账。', 'section').text).toBe('一是细化措施。\n各部门可根据实际情况调整完善工作台账。');
  });

  it('turns a table into prose and says so', () => {
    const r = clean('| 事项 | 次数 |\n|---|---|\n| 专题学习 | 【待补充：次数】 |', 'section');
    expect(r.text).toBe('事项：专题学习；次数：【待补充：次数】。');
    expect(r.removed).toContain('表格（已改为文字）');
  });

  it('makes half-width punctuation in Chinese text full-width, leaving numbers alone', () => {
    expect(fullWidthPunctuation('深入贯彻"两个确立",做到1,000人次参与;效果好!')).toBe('深入贯彻“两个确立”，做到1,000人次参与；效果好！');
    expect(fullWidthPunctuation('(一)学习(含线上)')).toBe('（一）学习（含线上）');
  });

  it('never drops the writer’s content: unsure lines are kept and reported', () => {
    const r = clean('一是加强学习。\n您单位提出的建议已在会上研究。', 'section');
    expect(r.text).toContain('您单位提出的建议已在会上研究。');
    expect(r.unsure).toHaveLength(1);
  });

  it('normalises markers line by line', () => {
    expect(normaliseHeadingMarker('第二部分 存在问题')).toBe('二、存在问题');
    expect(normaliseHeadingMarker('一是加强学习')).toBe('一是加强学习');
    expect(normaliseHeadingMarker('2025年以来')).toBe('2025年以来');
  });

  it('finds residue a final text should not have', () => {
    expect(chatResidue('一、工作开展情况\n一是加强学习。')).toEqual([]);
    expect(chatResidue('好的，以下是正文：\n**一是**加强学习。\n如需调整请随时告诉我。').length).toBe(3);
    // A closer about the answer itself, at the end; the same words inside report text are not one.
    expect(chatResidue('一是加强学习。\n以上内容仅供参考。')).toEqual(['结束语：以上内容仅供参考。']);
    expect(chatResidue('一是加强学习。\n以上提纲可根据实际情况调整补充。')).toHaveLength(1);
    expect(chatResidue('我局可根据实际情况调整工作安排。\n二是完善制度。')).toEqual([]);
  });
});

describe('the shapes Chinese models write (CJK-friendly Markdown, HTML, full-width marks)', () => {
  it('`**……。**下文`: bold closed after a full stop and followed by text is bold, not asterisks', () => {
    expect(clean('**一是坚持把这项工作摆上重要日程。**二是建立工作台账。', 'section').text).toBe('一是坚持把这项工作摆上重要日程。二是建立工作台账。');
    expect(clean('**加强“三会一课”（重点）。**按季度开展。', 'section').text).toBe('加强“三会一课”（重点）。按季度开展。');
  });

  it('`**标题：**正文`: a run-in heading gets its own line, without the colon; a run-in label stays text', () => {
    expect(clean('**（一）压实责任：**一是细化分工。', 'full').text).toBe('（一）压实责任\n一是细化分工。');
    expect(clean('当然可以！以下是为您起草的内容：**（二）强化学习：**一是专题学习。', 'section').text).toBe('（二）强化学习\n一是专题学习。');
    expect(clean('**主要做法：**一是细化分工。', 'section').text).toBe('主要做法：一是细化分工。');
  });

  it('`1. **……**：` items under a part become （一） headings without the colon', () => {
    const r = clean('一、工作开展情况\n1. **压实主体责任，健全领导体制**：\n   - 专题研究\n2. **强化理论武装，筑牢思想根基**：', 'outline');
    expect(r.text.split('\n')).toEqual(['一、工作开展情况', '（一）压实主体责任，健全领导体制', '专题研究', '（二）强化理论武装，筑牢思想根基']);
  });

  it('`__……__` in Chinese text, a full-width ＊＊, #s without a space: the parser reads them once made canonical', () => {
    expect(clean('__一、工作开展情况__\n一是__坚持专题学习__，做到常态长效。', 'full').text).toBe('一、工作开展情况\n一是坚持专题学习，做到常态长效。');
    expect(clean('具体表现在＊＊【待补充：典型事例】＊＊。', 'section').text).toBe('具体表现在【待补充：典型事例】。');
    expect(clean('##一、工作开展情况\n###（一）压实责任', 'outline').text).toBe('一、工作开展情况\n（一）压实责任');
    // Fill-in blanks are underscores too, and stay.
    expect(clean('于____年__月前完成整改。', 'section').text).toBe('于____年__月前完成整改。');
  });

  it('`<br>` breaks the line, `<u>` goes and keeps its words; a `<br>` inside a table cell separates items', () => {
    expect(clean('一是专题学习。<br>二是完善制度，<u>【待补充：次数】</u>次。', 'section').text).toBe('一是专题学习。\n二是完善制度，【待补充：次数】次。');
    expect(clean('| 事项 | 完成情况 |\n|---|---|\n| 专题学习<br>理论宣讲 | 【待补充：次数】 |', 'section').text).toBe('事项：专题学习，理论宣讲；完成情况：【待补充：次数】。');
  });

  it('a `**` the model never closed goes, and says so', () => {
    const r = clean('一是**加强学习。二是完善制度。', 'section');
    expect(r.text).toBe('一是加强学习。二是完善制度。');
    expect(r.removed).toContain('未配对的加粗标记“**”');
  });

  it('a note followed by “希望对您有所帮助！”, and a closer run onto the last sentence, both go', () => {
    expect(clean('一是加强学习。\n\n*注：文中【待补充】处请据实填写。*\n\n希望对您有所帮助！', 'section').text).toBe('一是加强学习。');
    expect(clean('一是加强学习。二是完善制度。希望以上内容对您有所帮助！', 'section').text).toBe('一是加强学习。二是完善制度。');
    // A unit speaking of its own work is report text, even when it sounds like an offer.
    expect(clean('一是加强学习。如有问题，我局将第一时间整改到位。', 'section').text).toBe('一是加强学习。如有问题，我局将第一时间整改到位。');
    expect(chatResidue('一是加强学习。\n如有问题，我局将第一时间整改到位。')).toEqual([]);
  });

  it('chatResidue sees what a reader would see as markup', () => {
    for (const t of ['一是**加强', '正文<br>二是', '正文<u>x</u>', '＊＊x＊＊', '一是__x__', '#一、工作', '| 事项 |']) expect(chatResidue(t), t).not.toEqual([]);
    expect(chatResidue('于____年完成。1 < 2，3 > 2。')).toEqual([]);
  });
});

describe('free-chat answers', () => {
  const chat = (s: string) => cleanModelOutput(s, 'chat');

  it('lose the preamble, the bold, the disclaiming note and the closing wish', () => {
    const r = chat('当然可以！这类报告一般先列提纲，再逐部分起草。\n\n**建议**：先把本期的工作台账整理好，再动笔。\n\n*注：以上内容供参考。*\n\n希望对您有所帮助！');
    expect(r.text).toBe('这类报告一般先列提纲，再逐部分起草。\n\n建议：先把本期的工作台账整理好，再动笔。');
    expect(r.removed.some((x) => x.startsWith('开场白'))).toBe(true);
  });

  it('keep advice addressed to the writer, notes with content, and list numbers', () => {
    const r = chat('好的，以下是几点建议：\n\n1. **先列提纲**：您可以先定三个部分。\n2. **再写正文**：逐部分起草。\n\n- 标题写明时段\n- 数字据实填写\n\n注：半年报告一般在7月10日前报送。\n\n如有其他问题，请随时告诉我。');
    expect(r.text).toBe('1. 先列提纲：您可以先定三个部分。\n2. 再写正文：逐部分起草。\n\n· 标题写明时段\n· 数字据实填写\n\n注：半年报告一般在7月10日前报送。');
  });

  it('a closing wish or an offer on a line of its own goes; advice addressed to the writer stays', () => {
    expect(chat('先列提纲，再起草。\n\n祝工作顺利！').text).toBe('先列提纲，再起草。');
    expect(chat('您可以先把台账整理好。\n\n如果您需要，我可以再写一个开头段示例。\n\n再列提纲。').text).toBe('您可以先把台账整理好。\n\n再列提纲。');
  });

  it('a short answer that is only an interjection and content keeps the content', () => {
    expect(chat('可以的，季度报告一般分三部分。').text).toBe('季度报告一般分三部分。');
    expect(chat('<think>想想</think>\n## 要点\n\n先列提纲。').text).toBe('要点\n\n先列提纲。');
  });

  it('stream without markup or a preamble flashing up', () => {
    const raw = '当然可以！这类报告一般先列提纲。\n\n**建议**：先整理台账，<u>数字</u>据实填写。';
    for (let i = 1; i <= raw.length; i++) {
      const v = streamingView(raw.slice(0, i), 'chat');
      expect(v, raw.slice(0, i)).not.toMatch(/当然|[*<]/);
    }
  });
});

describe('section texts', () => {
  it('drops the heading lines a model repeats before a section', () => {
    expect(sectionBody('二、存在的问题和不足\n（一）责任传导有温差\n个别部门认识不到位。', ['责任传导有温差', '存在的问题和不足'])).toBe('个别部门认识不到位。');
  });
  it('splits a part into its sections', () => {
    expect(splitPartText('（一）甲\n正文一。\n（二）乙。正文二。', 2)).toEqual({ intro: '', sections: ['正文一。', '正文二。'] });
  });
});

describe('streamingView', () => {
  it('holds back an opening line until it is known not to be a preamble', () => {
    expect(streamingView('好的，以下是为您', 'section')).toBe('');
    expect(streamingView('好的，以下是为您起草的内容：\n一是加强学习，坚持把这项工作摆上重要日程', 'section')).toBe('一是加强学习，坚持把这项工作摆上重要日程');
    expect(streamingView('<think>推理', 'section')).toBe('');
    expect(streamingView('今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，认真落实意识形态工作责任制', 'section')).toContain('今年以来');
    // A finished preamble line with nothing after it yet is still held back.
    expect(streamingView('好的，以下是为您起草的内容：\n', 'section')).toBe('');
  });

  it('holds back a line still arriving while it may be a closer or a note, and shows it once it is report text', () => {
    const body = '一是坚持把这项工作摆上重要日程，定期分析研判。\n';
    for (const tail of ['以上内容仅供', '以上提纲供参考，如需调整请随', '希望以上内容对您有', '如需调整，请随时', '---', '> 提示：【待补充】处请', '*注：文中', '（本部分约18', '修改说', '| 事项 | 完成情况 |\n']) {
      expect(streamingView(body + tail, 'section'), tail).toBe(body.trim());
    }
    // Complete closers go as they do from the final text.
    expect(streamingView(`${body}以上内容仅供参考。\n`, 'section')).toBe(body.trim());
    expect(streamingView(`${body}希望以上内容对您有帮助！如需调整，请随时告诉我。\n`, 'section')).toBe(body.trim());
    // Report text on the line still arriving shows as it comes.
    expect(streamingView(`${body}二是建立工作台账，明确责任分工和完成时限`, 'section')).toContain('二是建立工作台账');
    // A finished table becomes prose.
    expect(streamingView(`${body}| 事项 | 完成情况 |\n|---|---|\n| 专题学习 | 3次 |\n`, 'full')).toContain('事项：专题学习；完成情况：3次。');
  });

  it('never shows an emphasis opener whose closer is still arriving, at any cut of the stream', () => {
    const raw = '一、总体情况\n一是__加强理论学习__，扎实推进各项工作落实落细。\n二是**健全工作机制**，压实责任。\n三是＊＊强化阵地管理＊＊，守好主阵地。\n';
    for (let i = 1; i <= raw.length; i++) {
      const v = streamingView(raw.slice(0, i), 'section');
      expect(v, raw.slice(0, i)).not.toMatch(/__|\*\*|＊＊/);
    }
    expect(streamingView(raw, 'section')).toContain('二是健全工作机制，压实责任。');
  });

  it('no cut of any chat model’s habits (bold, run-in headings, <think>, <u>, <br>, tables, ＊＊) shows markup or chat text', () => {
    const habits = [
      '# 关于上半年工作的报告\n\n## 一、主要做法\n\n**坚持把学习摆在首位。**全年组织集中学习12次，扎实推进各项工作。\n\n- **强化阵地管理**：对各类阵地开展排查。\n\n---\n\n希望以上内容对您有所帮助！',
      '当然可以！以下是为您起草的内容：**（一）强化理论武装：**坚持第一议题制度，全年学习12次。\n> 提示：【待补充：具体数字】处请据实填写。\n*注：*文中数字为示例。\n希望对您有所帮助！如需调整，请随时告诉我。',
      '<think>\n先想结构。\n</think>\n\n__一、主要做法__\n一是__加强理论学习__，推进各项工作落实落细，<u>【待补充：学习次数】</u>次。',
      '以下是起草的正文：\n一是加强学习。<br>二是健全机制。\n\n| 事项 | 完成情况 |\n|---|---|\n| 专题学习 | 3次 |\n\n以上内容仅供参考。',
      '第一部分：主要做法\n（一）、加强学习\n1. **健全机制**：压实各级责任，定期分析研判。\n＊＊强化阵地管理＊＊，守好主阵地。',
    ];
    const forbidden = ['**', '＊', '#', '__', '<br', '<u>', '</u>', '<think>', '|', '当然可以', '希望以上', '随时告诉我', '以下是'];
    for (const raw of habits) {
      for (const kind of ['section', 'full', 'chat'] as const) {
        for (let i = 1; i <= raw.length; i++) {
          const v = streamingView(raw.slice(0, i), kind);
          expect(forbidden.filter((f) => v.includes(f)), `${kind}: ${raw.slice(0, i)}`).toEqual([]);
        }
      }
    }
  });
});

describe('outline check names stray lines', () => {
  it('a line that is neither title, opening, heading nor point is a defect', () => {
    const o = parseOutline('关于2025年上半年落实意识形态工作责任制情况的报告\n一、工作开展情况\n（一）压实责任，健全机制\n1. 专题研究\n这份提纲结合您单位的实际安排了三个部分\n二、存在的问题和不足\n三、下一步工作打算');
    expect(o.stray).toEqual(['这份提纲结合您单位的实际安排了三个部分']);
    expect(checkOutline(o, getGenre('unit-report')).some((d) => d.includes('既不是标题、开头段、各级标题，也不是要点'))).toBe(true);
  });
  it('对仗 is a preference: 5 vs 6 characters is fine, 6 vs 4 is not', () => {
    const g = getGenre('unit-report');
    const mk = (h: string) => parseOutline(`标题的报告\n一、工作开展情况\n（一）${h}\n1. 要点\n（二）强化理论武装，筑牢思想根基\n1. 要点\n（三）严格阵地管理，守好思想阵地\n1. 要点\n二、存在的问题和不足\n（一）认识不足\n三、下一步工作打算\n（一）提高认识`);
    expect(checkOutline(mk('压实主体责任，健全领导体')  , g).some((d) => d.includes('字数不等'))).toBe(false);
    expect(checkOutline(mk('压实主体责任，健全体制'), g).some((d) => d.includes('字数不等'))).toBe(true);
  });
});
