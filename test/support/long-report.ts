/**
 * A long report (about 11,000 characters) with many planted defects of several kinds and
 * severities: what a writer pastes when a draft has been through several hands. Our own text.
 */

const TASKS = ['理论学习', '阵地管理', '网络舆情', '队伍建设', '宣传教育', '风险研判', '制度建设', '考核督查'];
const UNITS = ['办公室', '宣传科', '组织科', '信息中心', '机关党委', '工会', '团委', '档案室'];

/** One paragraph of section `n`; `defect` picks which defects it carries. */
function paragraph(n: number, defect: number): string {
  const task = TASKS[n % TASKS.length]!;
  const unit = UNITS[(n * 3) % UNITS.length]!;
  const parts = [
    `围绕${task}工作，${unit}牵头制定年度工作方案，明确责任分工和完成时限，`,
    defect % 3 === 0 ? '全年开展专题研讨X次，' : `全年开展专题研讨${(n % 9) + 2}次，`,
    defect % 2 === 0 ? '组织集中学习，，覆盖党员干部' : '组织集中学习，覆盖党员干部',
    `${120 + n * 7}人次。`,
    defect % 4 === 1 ? '同时坚持 问题导向，' : '同时坚持问题导向，',
    `对照上级要求逐项梳理${task}方面的短板弱项，建立问题清单、任务清单和责任清单，`,
    defect % 5 === 2 ? '每月调度一次推进情况。。' : '每月调度一次推进情况。',
    defect % 7 === 3 ? '下一步将一如继往抓好落实。' : '下一步将持续抓好落实。',
  ];
  return parts.join('');
}

export function longReport(paragraphs = 40): string {
  const lines = [
    '中共某某区文化旅游局党组关于2025年度落实意识形态工作责任制情况的报告',
    '2025年，局党组坚持以习近平新时代中国特色社会主义思想为指导，增强“四种意识”，认真落实意识形态工作责任制。现将有关情况报告如下：',
    '一、主要做法和成效',
  ];
  const per = Math.ceil(paragraphs / 3);
  for (let i = 0; i < paragraphs; i++) {
    if (i === per) lines.push('二、存在的问题');
    if (i === 2 * per) lines.push('三、下一步工作打算');
    if (i % 4 === 0) lines.push(`（${'一二三四五六七八九十'[(i / 4) % 10]}）抓好第${i / 4 + 1}项重点任务`);
    lines.push(paragraph(i, i));
  }
  lines.push('中共某某区文化旅游局党组', '2026年1月10日');
  return lines.join('\n');
}
