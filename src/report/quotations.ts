/**
 * Sayings a report quotes word for word: a leader's judgement, a campaign's requirement, a value set. A copy
 * that changes one character of such a saying (不弛于空想, 培养和践行) misquotes it, and a leader catches that
 * first. The critic compares what a report writes against these, characters only (marks and spaces aside).
 * Every entry names where the wording comes from; only sayings with no accepted one-character variant are
 * listed, or the variant is named.
 */
export interface Quotation {
  /** The saying as published, marks included (the marks are not compared). */
  text: string;
  /** Characters that may stand in for the published one at any position (an accepted variant), as `published+variant`. */
  variants?: readonly string[];
  source: string;
}

const S819 = '习近平在全国宣传思想工作会议上的讲话 (2013-08-19)';
const S821 = '习近平在全国宣传思想工作会议上的讲话 (2018-08-21)';
const C19 = '党的十九大报告 (2017-10-18)';
const C20 = '党的二十大报告 (2022-10-16)';

export const QUOTATIONS: readonly Quotation[] = [
  // Judgements on ideological work.
  { text: '意识形态工作是党的一项极端重要的工作', source: S819 },
  { text: '巩固马克思主义在意识形态领域的指导地位', source: S819 },
  { text: '巩固全党全国人民团结奋斗的共同思想基础', source: S819 },
  { text: '事关党的前途命运，事关国家长治久安，事关民族凝聚力和向心力', source: S819 },
  { text: '意识形态工作是为国家立心、为民族立魂的工作', source: S821 },
  { text: '意识形态决定文化前进方向和发展道路', source: C19 },
  { text: '建设具有强大凝聚力和引领力的社会主义意识形态', source: `${C19}; ${C20}` },
  { text: '牢牢掌握党对意识形态工作领导权', source: C20 },
  { text: '坚持马克思主义在意识形态领域指导地位的根本制度', source: '《中共中央关于坚持和完善中国特色社会主义制度　推进国家治理体系和治理能力现代化若干重大问题的决定》(十九届四中全会, 2019-10-31)' },
  { text: '使全体人民在理想信念、价值理念、道德观念上紧紧团结在一起', source: C19 },
  { text: '推进文化自信自强，铸就社会主义文化新辉煌', source: C20 },
  // The mission of news and opinion work (the 48 characters); 联接中外 is the published form, 连接 a common one.
  { text: '高举旗帜、引领导向，围绕中心、服务大局，团结人民、鼓舞士气，成风化人、凝心聚力，澄清谬误、明辨是非，联接中外、沟通世界', variants: ['联连'], source: '习近平在党的新闻舆论工作座谈会上的讲话 (2016-02-19)' },
  { text: '坚持党管宣传、党管意识形态、党管媒体', source: '习近平在党的新闻舆论工作座谈会上的讲话 (2016-02-19)' },
  { text: '讲好中国故事、传播好中国声音', source: S819 },
  // Values and the thought's method. 培养和践行 is common in local reports: accepted.
  { text: '富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善', source: '党的十八大报告 (2012-11-08)；中共中央办公厅《关于培育和践行社会主义核心价值观的意见》(2013-12)' },
  { text: '培育和践行社会主义核心价值观', variants: ['育养'], source: '中共中央办公厅《关于培育和践行社会主义核心价值观的意见》(2013-12)' },
  { text: '把马克思主义基本原理同中国具体实际相结合、同中华优秀传统文化相结合', source: '习近平在庆祝中国共产党成立100周年大会上的讲话 (2021-07-01); 二十大报告' },
  { text: '为中国人民谋幸福，为中华民族谋复兴', source: C19 },
  { text: '以中国式现代化全面推进中华民族伟大复兴', source: C20 },
  { text: '统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局', source: C19 },
  { text: '党政军民学，东西南北中，党是领导一切的', source: `${C19}; 《中国共产党章程》总纲 (2017-10 修正)` },
  // Campaigns' requirements, each with its year.
  { text: '守初心、担使命，找差距、抓落实', source: '《中共中央关于在全党开展“不忘初心、牢记使命”主题教育的意见》(2019-05)' },
  { text: '理论学习有收获、思想政治受洗礼、干事创业敢担当、为民服务解难题、清正廉洁作表率', source: '《中共中央关于在全党开展“不忘初心、牢记使命”主题教育的意见》(2019-05)' },
  { text: '学党史、悟思想、办实事、开新局', source: '《中共中央关于在全党开展党史学习教育的通知》(2021-02)' },
  { text: '以学铸魂、以学增智、以学正风、以学促干', source: '《关于在全党开展学习贯彻习近平新时代中国特色社会主义思想主题教育的意见》(2023-04)' },
  { text: '学思用贯通、知信行统一', source: '《关于在全党开展学习贯彻习近平新时代中国特色社会主义思想主题教育的意见》(2023-04)' },
  { text: '严以修身、严以用权、严以律己，谋事要实、创业要实、做人要实', source: '习近平在参加十二届全国人大二次会议安徽代表团审议时的讲话 (2014-03-09)（“三严三实”）' },
  { text: '学党章党规、学系列讲话，做合格党员', source: '中共中央办公厅《关于在全体党员中开展“学党章党规、学系列讲话，做合格党员”学习教育方案》(2016-02)' },
  { text: '自我净化、自我完善、自我革新、自我提高', source: '党的十八大报告 (2012-11-08); 十九大报告' },
  { text: '不敢腐、不能腐、不想腐', source: C19 },
  { text: '对党忠诚、个人干净、敢于担当', source: '习近平在全国组织工作会议上的讲话 (2013-06-28)（好干部标准的表述，十九大报告沿用）' },
  { text: '带头管阵地把导向强队伍', source: '《党委（党组）意识形态工作责任制实施办法》(中共中央办公厅, 2015)（第一责任人的“三个带头”之二）' },
  // Sayings reports borrow for their closing lines.
  { text: '不驰于空想、不骛于虚声', source: '习近平在北京大学师生座谈会上的讲话 (2018-05-02)' },
  { text: '不忘初心，方得始终', source: '习近平在庆祝中国共产党成立95周年大会上的讲话 (2016-07-01)' },
  { text: '全面从严治党永远在路上', source: C19 },
  { text: '意识形态阵地我们不去占领，人家就会去占领', source: S819 },
];
