/**
 * Round 5 (issue 24): the families a fifth held-out draw (r7) showed, written as families with our own
 * wording. Each family has a defective and a clean case.
 */
import { describe, expect, it } from 'vitest';
import { run, serious } from './helpers.js';

const spans = (t: string, rule?: string) =>
  run(t).filter((f) => !rule || f.rule === rule).map((f) => [t.slice(f.start, f.end), f.severity, f.replacement ?? null]);
const seriousRules = (t: string) => serious(run(t)).map((f) => `${f.rule} ${t.slice(f.start, f.end)}`);

describe('page chrome: a PDF copy with the decorated title run into the body on one line', () => {
  const t =
    '- 2024-05-06 发布 |\n- 28.1 KB |\n- 4页\n文档介绍\n林业站2023年宣传思想工作总结范文\n' +
    '林业站 2023 年宣传思想工作总结范文 站党支部以党的二十大精神为指引，按月研究宣传思想工作，全年开展集中学习十二次，干部职工的思想认识统一到上级的部署上来。\n';
  it('only the repeated title is debris, not the paragraph behind it', () => {
    const debris = run(t).filter((f) => f.rule === 'debris').map((f) => t.slice(f.start, f.end));
    expect(debris).toContain('林业站 2023 年宣传思想工作总结范文 ');
    expect(debris.some((d) => d.includes('站党支部'))).toBe(false);
    // 文档介绍 over the preview is the sharing site's, so the title is one line, not split.
    expect(run(t).filter((f) => f.message.includes('拆成了两行'))).toEqual([]);
  });
  it('a short line of a template site with 范文 in its intro is still chrome', () => {
    const intro = '2023年宣传思想工作总结\n以下是本站为大家整理的范文，仅供参考。\n站党支部按月研究宣传思想工作。\n';
    expect(run(intro).filter((f) => f.rule === 'debris').map((f) => intro.slice(f.start, f.end))).toEqual(['以下是本站为大家整理的范文，仅供参考。']);
  });
});

describe('page chrome: a portal breadcrumb with spaced colons and a second line of > items', () => {
  it('both lines are one breadcrumb finding', () => {
    const t = '当前位置 : 首页 \n> 政务公开 > 工作总结 > 2023 \n某乡2023年宣传思想工作总结\n2023年，乡党委按季度研究宣传思想工作。\n';
    expect(spans(t, 'debris')[0]).toEqual(['当前位置 : 首页 \n> 政务公开 > 工作总结 > 2023', 'error', null]);
  });
  it('a quoted line that starts with > and has no second > is no breadcrumb', () => {
    const t = '2023年宣传思想工作总结\n> 说明：本段为引文\n2023年，乡党委按季度研究宣传思想工作。\n';
    expect(run(t).filter((f) => f.rule === 'debris' && f.message.includes('面包屑'))).toEqual([]);
  });
});

describe('blanks where a site cut a name or a number out', () => {
  it('the thought without its owner after a blank, the congress number, the year', () => {
    const t = '2023年宣传思想工作总结\n镇党委认真学习贯彻 新时代中国特色社会主义思想和党的 大精神，对照《 县 年宣传工作要点》抓落实。现将 年以来工作总结如下。\n';
    expect(spans(t, 'xi')).toEqual([[' 新时代中国特色社会主义思想', 'error', '习近平新时代中国特色社会主义思想']]);
    expect(spans(t, 'placeholder').map(([s]) => s)).toEqual(['党的 大', ' 年', ' 年']);
  });
  it('a wrap inside the name, 三 年 and 青 年 are no blanks', () => {
    const t = '2023年宣传思想工作总结\n镇党委认真学习贯彻习近平 新时代中国特色社会主义思想，近三 年来坚持抓好青 年干部的理论学习。\n';
    expect(run(t).filter((f) => f.rule === 'xi' || f.rule === 'placeholder')).toEqual([]);
  });
});

describe('the leader named informally', () => {
  it('习总书记 → 习近平总书记', () => {
    const t = '2023年宣传思想工作总结\n支部坚持学习领会习总书记关于宣传思想工作的重要论述。\n';
    expect(spans(t, 'xi')).toEqual([['习总书记', 'warning', '习近平总书记']]);
  });
});

describe('a writing instruction left in brackets', () => {
  it('（……，请结合实际填写） is a placeholder; an ordinary aside in brackets is not', () => {
    const bad = '2023年宣传思想工作总结\n制定了《（相关制度名称，请结合实际填写）》等三项制度。\n';
    expect(spans(bad, 'placeholder').map(([s, sev]) => [s, sev])).toEqual([['（相关制度名称，请结合实际填写）', 'error']]);
    const ok = '2023年宣传思想工作总结\n制定了学习制度（结合实际每年修订一次）等三项制度。\n';
    expect(run(ok).filter((f) => f.rule === 'placeholder')).toEqual([]);
  });
});

describe('punctuation look-alikes and a 顿号 before 及', () => {
  it('∶ for ：, 、及 and 、以及', () => {
    const t = '2023年宣传思想工作总结\n现将有关情况报告如下∶\n一、主要做法\n学习了中央、省委、及市委的部署，传达了文件、以及会议精神。\n';
    expect(spans(t, 'punctuation')).toEqual([
      ['∶', 'warning', '：'],
      ['、', 'warning', ''],
      ['、', 'warning', ''],
    ]);
  });
  it('及时, 及早 after 、 are list items, not a conjunction', () => {
    const t = '2023年宣传思想工作总结\n对苗头性倾向性问题做到及早发现、及时处置、及时报告。比例为3∶2。\n';
    expect(run(t).filter((f) => f.rule === 'punctuation')).toEqual([]);
  });
});

describe('the last item of a 一是/二是 list lost its 是', () => {
  it('一是…二是…三切实… gets 三是', () => {
    const t = '2023年宣传思想工作总结\n一、主要做法\n一是制定学习计划。二是组织专题研讨。三切实抓好阵地管理，落实审核制度。\n';
    expect(spans(t, 'numbering')).toEqual([['三', 'warning', '三是']]);
  });
  it('三年来 or 三个方面 after a list is no item', () => {
    const t = '2023年宣传思想工作总结\n一、主要做法\n一是制定学习计划。二是组织专题研讨。三年来坚持不懈。三个方面的问题已整改。\n';
    expect(run(t).filter((f) => f.rule === 'numbering')).toEqual([]);
  });
});

describe('layout breaks of a PDF copy', () => {
  it('a year, a heading marker and quotation marks alone on their lines', () => {
    const t = '2025\n年宣传思想工作总结\n一、\n主要做法\n总书记强调，\n"\n要把宣传思想工作做得更好\n"\n。支部认真学习。\n';
    const lone = run(t).filter((f) => f.message.includes('单独占了一行')).map((f) => t.slice(f.start, f.end));
    expect(lone).toEqual(['2025', '一、', '"', '"']);
  });
  it('a year with its 年 on the same line is not alone', () => {
    const t = '2025年宣传思想工作总结\n一、主要做法\n支部认真学习。\n';
    expect(run(t).filter((f) => f.message.includes('单独占了一行'))).toEqual([]);
  });
  it('a number with a space on one side, and a space after a full-width mark', () => {
    const t = '2024年宣传思想工作总结\n2024 年，支部召开专题会议4 次，组织学习、 研讨若干次。\n';
    expect(spans(t, 'layout')).toEqual([
      ['2024 ', 'warning', null],
      ['4 ', 'warning', null],
      ['、 ', 'warning', null],
    ]);
  });
  it('a heading run into its first sentence after a space', () => {
    const t = '2024年宣传思想工作总结\n现将情况报告如下： 一、加强组织领导，压实工作责任 支部每季度专题研究宣传思想工作，形成了长效机制。\n';
    expect(run(t).filter((f) => f.message.includes('标题与正文连在同一行')).map((f) => t.slice(f.start, f.end))).toEqual([' ']);
  });
  it('a preview that stops mid-sentence before the sharing site’s file name', () => {
    const t = '2024年宣传思想工作总结\n支部认真学习上级部署，按季度研判，全年工作导向正确、推进有序，为各项工作提供了思想\n2024年宣传思想工作总结.docx\n';
    expect(run(t).filter((f) => f.message.includes('正文在句子中间中断')).length).toBe(1);
    const whole = '2024年宣传思想工作总结\n支部认真学习上级部署，按季度研判，全年工作导向正确、推进有序。\n2024年宣传思想工作总结.docx\n';
    expect(run(whole).filter((f) => f.message.includes('正文在句子中间中断'))).toEqual([]);
  });
  it('a clean report of these shapes draws no error or warning', () => {
    const t = '城南社区党支部2024年宣传思想工作总结\n2024年，支部召开专题会议4次，组织学习、研讨若干次。\n一、加强组织领导\n一是制定学习计划。二是组织专题研讨。\n';
    expect(seriousRules(t)).toEqual([]);
  });
});

describe('claims without evidence: a numeral inside a quoted formula is no figure', () => {
  it('显著提升 next to “两个维护” is still a claim without evidence', () => {
    const t = '2024年宣传思想工作总结\n通过学习，干部的政治素质得到显著提升，坚决做到“两个维护”。\n';
    expect(spans(t, 'evidence')).toEqual([['显著提升', 'info', null]]);
  });
  it('显著提升 with a real figure is not', () => {
    const t = '2024年宣传思想工作总结\n通过学习，干部的政治素质得到显著提升，参学率达到98%。\n';
    expect(spans(t, 'evidence')).toEqual([]);
  });
});

describe('after the blind r8 run: a sharing site’s numbered notice, and 总书记对……的重要指示', () => {
  it('numbered notice lines about the site’s documents, downloads or rights are one chrome block', () => {
    const t = '2024年宣传思想工作总结\n- 1、本站文档均由用户上传，下载前请核对内容。\n- 2、如涉及侵权，请联系客服处理，核实后删除。\n2024年，支部按季度研究宣传思想工作。\n';
    expect(spans(t, 'debris')).toEqual([['- 1、本站文档均由用户上传，下载前请核对内容。\n- 2、如涉及侵权，请联系客服处理，核实后删除。', 'error', null]]);
    expect(run(t).filter((f) => f.rule === 'markup')).toEqual([]);
  });
  it('a report’s own bulleted list is no notice', () => {
    const t = '2024年宣传思想工作总结\n- 1、建立学习制度，按月组织学习。\n- 2、管好宣传阵地，落实审核制度。\n';
    expect(run(t).filter((f) => f.rule === 'debris')).toEqual([]);
  });
  it('总书记对……作出的重要指示 without 习近平', () => {
    const t = '2024年宣传思想工作总结\n支部认真学习总书记对宣传思想工作作出的重要指示。\n';
    expect(spans(t, 'xi')).toEqual([['总书记', 'warning', '习近平总书记']]);
    const ok = '2024年宣传思想工作总结\n支部认真学习习近平总书记对宣传思想工作作出的重要指示。\n';
    expect(run(ok).filter((f) => f.rule === 'xi')).toEqual([]);
  });
});
