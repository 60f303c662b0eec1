/**
 * Themes a practice section can draw on. Each carries its typical sub-points, the
 * typical problem and the measure that answers it, so the problems part and the
 * plans part of a generated outline correspond one to one (design §3.2).
 */

export type ThemeId =
  | 'leadership'
  | 'theory'
  | 'positions'
  | 'network'
  | 'publicity'
  | 'team'
  | 'risk'
  | 'inspection'
  | 'civilization';

export interface Theme {
  id: ThemeId;
  /** Short Chinese name. */
  name: string;
  /** Default 对仗 heading for the practice section (two halves of equal length). */
  heading: string;
  /** Words that identify text as belonging to this theme. */
  keywords: readonly string[];
  /** Typical sub-points of the practice section. */
  points: readonly string[];
  /** Facts the writer usually has to supply; rendered as 【待补充：…】. */
  factSlots: readonly string[];
  /** Typical problem heading and its concrete manifestation. */
  problem: { heading: string; detail: string };
  /** The measure answering `problem`, for the plans part. */
  measure: { heading: string; detail: string };
}

export const THEMES: readonly Theme[] = [
  {
    id: 'leadership',
    name: '组织领导与主体责任',
    heading: '压实主体责任，健全领导体制',
    keywords: ['主体责任', '第一责任人', '一岗双责', '领导小组', '责任制', '责任清单', '专题研究', '议事日程', '党组会', '党委会', '组织领导', '同部署'],
    points: [
      '党组（党委）书记履行第一责任人职责，班子成员落实“一岗双责”',
      '将意识形态工作纳入重要议事日程，与业务工作同部署、同落实、同检查、同考核',
      '制定年度工作要点和责任清单，专题研究部署意识形态工作',
    ],
    factSlots: ['党组（党委）会专题研究意识形态工作次数', '责任清单或工作要点名称'],
    problem: { heading: '责任传导存在层层递减', detail: '个别部门对意识形态工作重要性认识不足，重业务轻思想，责任压力传导到基层存在温差' },
    measure: { heading: '压紧压实工作责任', detail: '细化责任清单，完善定期研究、专题报告、督促检查机制，推动责任层层落实到末梢' },
  },
  {
    id: 'theory',
    name: '理论武装与中心组学习',
    heading: '强化理论武装，筑牢思想根基',
    keywords: ['中心组', '理论学习', '第一议题', '三会一课', '学习强国', '专题学习', '读书班', '研讨', '宣讲', '党课', '理论武装', '学习'],
    points: [
      '落实“第一议题”制度，及时传达学习习近平总书记重要讲话和重要指示批示精神',
      '发挥理论学习中心组示范引领作用，开展专题学习研讨',
      '依托“三会一课”、主题党日等载体推动理论学习向基层延伸',
    ],
    factSlots: ['中心组专题学习次数', '“第一议题”学习次数', '专题党课次数'],
    problem: { heading: '理论学习深度还不够', detail: '学习多停留在传达文件、集中学习层面，联系实际研讨不深，学用结合不够紧密' },
    measure: { heading: '深化拓展理论学习', detail: '完善中心组学习制度，丰富专题研讨、调研交流等形式，推动学习成果转化为工作成效' },
  },
  {
    id: 'positions',
    name: '阵地建设管理',
    heading: '严格阵地管理，守好思想阵地',
    keywords: ['阵地', '报告会', '研讨会', '讲座', '论坛', '宣传栏', '展板', '电子屏', '审核报备', '出版物', '课堂', '教材'],
    points: [
      '落实报告会、研讨会、讲座论坛审批报备制度',
      '加强宣传栏、电子显示屏、内部刊物等阵地内容审核',
      '按照“谁主管、谁负责”原则落实阵地属地管理责任',
    ],
    factSlots: ['审核报备活动场次', '排查阵地数量'],
    problem: { heading: '阵地管理还有薄弱环节', detail: '对部分活动和阵地的审核把关不够及时，日常巡查以事后检查为主，规范化程度不高' },
    measure: { heading: '加强阵地规范管理', detail: '建立阵地台账，严格审批报备和内容审核，定期开展排查清理，确保阵地可管可控' },
  },
  {
    id: 'network',
    name: '网络意识形态与舆情',
    heading: '强化网络管控，营造清朗空间',
    keywords: ['网络', '舆情', '网评员', '新媒体', '公众号', '微信', '网站', '政务新媒体', '监测', '网信', '短视频', '清朗'],
    points: [
      '落实网络意识形态工作责任制，加强政务网站和新媒体账号管理',
      '建立舆情监测、研判、处置工作机制，完善应急处置预案',
      '加强网评员队伍建设，积极开展网上正面宣传和舆论引导',
    ],
    factSlots: ['监测处置舆情条数', '网评员人数', '管理的政务新媒体账号数'],
    problem: { heading: '网络舆情应对能力不足', detail: '对网络舆情的预判预警不够灵敏，新媒体运用水平不高，网上正面发声的主动性有待增强' },
    measure: { heading: '提升网络舆情引导水平', detail: '完善舆情监测研判和快速处置机制，加强网评员和新媒体队伍培训，主动设置议题发声' },
  },
  {
    id: 'publicity',
    name: '新闻宣传与舆论引导',
    heading: '唱响主旋律，传播正能量',
    keywords: ['宣传', '新闻', '报道', '稿件', '信息', '三审三校', '主题宣传', '媒体', '正能量', '舆论引导', '典型'],
    points: [
      '围绕中心工作策划开展主题宣传，讲好本单位故事',
      '落实稿件“三审三校”制度，严把信息发布导向关',
      '选树宣传先进典型，发挥示范引领作用',
    ],
    factSlots: ['各级媒体刊发稿件篇数', '主题宣传活动场次'],
    problem: { heading: '宣传工作实效不够强', detail: '宣传报道形式较为单一，有深度、有影响的精品稿件不多，宣传覆盖面和感染力有待提升' },
    measure: { heading: '创新宣传方式方法', detail: '加强宣传策划，融合运用多种平台，打造宣传品牌，提升宣传的针对性和影响力' },
  },
  {
    id: 'team',
    name: '队伍建设',
    heading: '加强队伍建设，提升履职本领',
    keywords: ['队伍', '培训', '干部', '业务能力', '通讯员', '宣传员', '人才', '本领', '素质'],
    points: [
      '配齐配强意识形态和宣传工作力量，明确专兼职人员',
      '组织开展意识形态工作专题培训，提升政治素养和业务能力',
      '加强对党员干部思想动态的掌握，做好思想政治工作',
    ],
    factSlots: ['专题培训期数', '参训人次'],
    problem: { heading: '工作队伍能力有短板', detail: '专兼职人员多为兼职承担，系统培训不足，应对复杂意识形态问题的本领有待提高' },
    measure: { heading: '着力建强工作队伍', detail: '加大专题培训和实践锻炼力度，健全激励机制，打造政治过硬、本领高强的工作队伍' },
  },
  {
    id: 'risk',
    name: '风险研判',
    heading: '加强分析研判，防范化解风险',
    keywords: ['研判', '风险', '分析', '隐患', '排查', '预警', '形势', '动态', '分析会'],
    points: [
      '定期召开意识形态形势分析研判会议，梳理排查风险隐患',
      '建立意识形态风险清单和处置台账，做到早发现、早报告、早处置',
      '及时向上级党委报告意识形态领域重要情况',
    ],
    factSlots: ['分析研判会议次数', '排查风险隐患个数'],
    problem: { heading: '风险研判针对性不强', detail: '分析研判有时流于形式，对苗头性、倾向性问题的研究不深，前瞻性和针对性不足' },
    measure: { heading: '健全风险研判机制', detail: '定期开展形势研判，完善风险排查、预警、处置闭环管理，提高防范化解风险能力' },
  },
  {
    id: 'inspection',
    name: '考核督查',
    heading: '强化考核督查，确保落地见效',
    keywords: ['考核', '督查', '检查', '巡察', '述职', '评议', '问责', '民主生活会', '目标管理', '结果运用'],
    points: [
      '将意识形态工作纳入党建工作责任制考核和领导班子年度考核',
      '开展意识形态工作专项检查，督促问题整改',
      '把落实意识形态工作责任制情况纳入述职评议和民主生活会内容',
    ],
    factSlots: ['专项检查次数', '督促整改问题个数'],
    problem: { heading: '考核督查刚性不足', detail: '考核指标不够细化，检查多以查阅资料为主，考核结果运用不够充分' },
    measure: { heading: '强化考核结果运用', detail: '细化考核指标，加强日常督查和专项检查，把考核结果与评先评优、干部使用挂钩' },
  },
  {
    id: 'civilization',
    name: '精神文明建设',
    heading: '深化文明创建，培育时代新风',
    keywords: ['精神文明', '文明创建', '核心价值观', '志愿服务', '道德', '文明单位', '传统文化', '家风', '文化'],
    points: [
      '深入开展文明单位创建活动，培育和践行社会主义核心价值观',
      '组织开展志愿服务和群众性精神文明创建活动',
      '加强中华优秀传统文化和家庭家教家风建设',
    ],
    factSlots: ['志愿服务活动场次', '获得的文明创建荣誉'],
    problem: { heading: '文明创建载体不够丰富', detail: '精神文明创建活动形式较为传统，群众参与面不广，长效机制尚不健全' },
    measure: { heading: '丰富文明创建载体', detail: '创新活动形式，推动志愿服务常态化，建立精神文明创建长效机制' },
  },
];

const BY_ID = new Map(THEMES.map((t) => [t.id, t]));

export function getTheme(id: ThemeId): Theme {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`unknown theme ${id}`);
  return t;
}

/**
 * The theme a piece of text is about (heading, fact or problem), by keyword hits.
 * Problem and measure headings of a theme also count, so 问题 and 措施 map back.
 */
export function themeOf(text: string): ThemeId | null {
  let best: ThemeId | null = null;
  let bestScore = 0;
  for (const t of THEMES) {
    let score = 0;
    for (const k of t.keywords) if (text.includes(k)) score += k.length;
    for (const h of [t.heading, t.problem.heading, t.measure.heading, t.name]) if (text.includes(h)) score += 20;
    if (score > bestScore) {
      bestScore = score;
      best = t.id;
    }
  }
  return best;
}
