/**
 * The fixed evaluation set: genres × unit types × periods × with/without facts.
 * `now` is when the request is made, so period defaults and guidance are stable.
 */
import type { GenreId } from '../report/genres.js';
import type { PeriodSpan } from '../report/period.js';

export interface EvalCase {
  id: string;
  text: string;
  /** ISO time the request is made. */
  now: string;
  expect: { genre: GenreId; year: number; span: PeriodSpan };
}

export const EVAL_CASES: readonly EvalCase[] = [
  { id: 'E01', now: '2025-07-03T09:00:00+08:00', text: '帮我写一份市交通运输局2025年上半年落实意识形态工作责任制情况的报告。上半年局党组召开专题会议研究意识形态工作2次，中心组开展专题学习6次，处置网络舆情3条。', expect: { genre: 'unit-report', year: 2025, span: 'H1' } },
  { id: 'E02', now: '2025-12-15T09:00:00+08:00', text: '县教育局2025年度意识形态工作责任制落实情况报告，帮忙起草一下', expect: { genre: 'unit-report', year: 2025, span: 'year' } },
  { id: 'E03', now: '2025-01-08T09:00:00+08:00', text: '给城关街道写2024年下半年落实意识形态工作责任制的情况报告，下半年举办“理论宣讲进社区”活动12场。', expect: { genre: 'unit-report', year: 2024, span: 'H2' } },
  { id: 'E04', now: '2025-12-20T09:00:00+08:00', text: '我是县委书记，要写2025年度抓意识形态工作述职报告', expect: { genre: 'duty-report', year: 2025, span: 'year' } },
  { id: 'E05', now: '2025-07-10T09:00:00+08:00', text: '我是市财政局局长，帮我写个人上半年落实意识形态工作责任制情况汇报，2025年上半年本人讲专题党课1次。', expect: { genre: 'leader-report', year: 2025, span: 'H1' } },
  { id: 'E06', now: '2025-11-20T09:00:00+08:00', text: '第一中学要报2025年意识形态工作责任制落实情况自查报告，对照上级检查清单写', expect: { genre: 'self-check', year: 2025, span: 'year' } },
  { id: 'E07', now: '2024-12-26T09:00:00+08:00', text: '市人民医院2024年意识形态工作总结及2025年工作计划，全年组织党纪学习教育专题读书班2期。', expect: { genre: 'summary-plan', year: 2024, span: 'year' } },
  { id: 'E08', now: '2026-04-08T09:00:00+08:00', text: '市城投集团公司2026年第一季度意识形态工作情况报告', expect: { genre: 'unit-report', year: 2026, span: 'Q1' } },
  { id: 'E09', now: '2025-12-05T09:00:00+08:00', text: '帮我们青山镇写今年全年的意识形态工作责任制落实情况报告。全年开展意识形态分析研判4次，新建村级宣传栏15个，组织网评员培训1期。', expect: { genre: 'unit-report', year: 2025, span: 'year' } },
  { id: 'E10', now: '2023-07-12T09:00:00+08:00', text: '市发改委2023年上半年落实意识形态工作责任制情况报告', expect: { genre: 'unit-report', year: 2023, span: 'H1' } },
  { id: 'E11', now: '2023-01-06T09:00:00+08:00', text: '区文化和旅游局2022年度落实意识形态工作责任制情况报告，全年开展文化惠民演出36场。', expect: { genre: 'unit-report', year: 2022, span: 'year' } },
  { id: 'E12', now: '2022-01-10T09:00:00+08:00', text: '县卫生健康委2021年度意识形态工作责任制落实情况报告', expect: { genre: 'unit-report', year: 2021, span: 'year' } },
  { id: 'E13', now: '2026-07-05T09:00:00+08:00', text: '市生态环境局意识形态工作责任制落实情况报告', expect: { genre: 'unit-report', year: 2026, span: 'H1' } },
  { id: 'E14', now: '2026-12-10T09:00:00+08:00', text: '帮我写一份意识形态工作责任制落实情况报告', expect: { genre: 'unit-report', year: 2026, span: 'year' } },
  { id: 'E15', now: '2025-06-25T09:00:00+08:00', text: '县农业农村局2025年上半年意识形态报告，1500字左右', expect: { genre: 'unit-report', year: 2025, span: 'H1' } },
  { id: 'E16', now: '2025-01-15T09:00:00+08:00', text: '我是区委宣传部部长，写2024年度抓意识形态工作述职报告。2024年本人主持召开意识形态工作专题会议5次，带队开展专项检查2次。', expect: { genre: 'duty-report', year: 2024, span: 'year' } },
  { id: 'E17', now: '2025-12-01T09:00:00+08:00', text: '市职业技术学院2025年度意识形态工作自查报告，全年审核报告会讲座论坛32场，排查校园阵地48处。', expect: { genre: 'self-check', year: 2025, span: 'year' } },
  { id: 'E18', now: '2025-12-28T09:00:00+08:00', text: '县融媒体中心2025年工作总结和明年计划，全年各级媒体刊发稿件860篇，开展深入贯彻中央八项规定精神学习教育。', expect: { genre: 'summary-plan', year: 2025, span: 'year' } },
  { id: 'E19', now: '2025-12-18T09:00:00+08:00', text: '我是市水利局分管意识形态工作的副局长，写一份2025年度个人落实意识形态工作责任制情况汇报', expect: { genre: 'leader-report', year: 2025, span: 'year' } },
  { id: 'E20', now: '2025-07-01T09:00:00+08:00', text: '市政府办公室2025年上半年意识形态工作责任制落实情况的报告，3000字', expect: { genre: 'unit-report', year: 2025, span: 'H1' } },
  { id: 'E21', now: '2026-07-08T09:00:00+08:00', text: '县融媒体中心今年上半年落实意识形态工作责任制情况报告。上半年监测处置负面舆情7条，管理政务新媒体账号11个。', expect: { genre: 'unit-report', year: 2026, span: 'H1' } },
  { id: 'E22', now: '2024-07-15T09:00:00+08:00', text: '东风乡2024年上半年落实意识形态工作责任制情况报告，开展党纪学习教育集中学习8次', expect: { genre: 'unit-report', year: 2024, span: 'H1' } },
];
