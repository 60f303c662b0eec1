/**
 * Word slips as a family: known genre words with one character replaced by a look-alike or sound-alike (形近/音近),
 * generated, so a slip never seen before is still found. A dropped character is not generated: what is left is
 * often a real word (凝聚力, 舆论导向, 责任单位). A variant that is itself a word is left out.
 */

/** Words of this genre, three characters or more (shorter ones collide with real words across boundaries). */
export const GENRE_WORDS: readonly string[] = [
  '意识形态', '主体责任', '第一责任人', '责任制', '主旋律', '正能量', '舆论引导', '网络舆情', '舆情处置', '阵地管理',
  '理论学习', '中心组', '党组织', '党支部', '党员干部', '思想政治', '宣传思想', '新闻舆论', '专题研判', '形势研判',
  '工作部署', '安排部署', '两个维护', '四个意识', '四个自信', '社会主义', '核心价值观', '新时代', '党中央', '精神文明',
  '文明实践', '志愿服务', '网信办', '宣传部', '组织部', '统战部', '风险隐患', '苗头性', '倾向性', '主题教育', '党史学习',
  '民主生活会', '组织生活会', '三会一课', '谈心谈话', '自我批评', '全面从严治党', '党风廉政', '基层党建', '为人民服务',
  '不忘初心', '牢记使命', '凝心聚力', '守正创新', '举旗帜', '聚民心', '育新人', '兴文化', '展形象', '领导权', '管理权',
  '话语权', '主动权', '责任清单', '问题清单', '整改落实', '理想信念', '政治站位', '政治立场', '政治方向', '宗旨意识',
];

/** Look-alike or sound-alike characters (one direction: the right character, then slips for it). */
const CONFUSABLE: Record<string, string> = {
  识: '织职', 形: '型行', 态: '杰太', 责: '债则', 任: '认仁', 旋: '璇漩', 律: '侓', 量: '星景', 舆: '與輿奥', 论: '轮沦',
  导: '异', 阵: '陈', 署: '暑薯', 部: '布', 判: '叛伴', 势: '热执', 维: '唯推', 护: '户扩', 核: '刻', 价: '介份',
  值: '植直', 观: '现规', 精: '睛晴', 神: '伸绅', 践: '贱', 愿: '原', 组: '阻祖', 统: '充', 领: '岭令', 险: '脸检',
  患: '串', 苗: '描', 倾: '顷', 题: '体', 史: '吏', 谈: '淡', 廉: '廊', 党: '觉', 初: '衤', 牢: '劳', 凝: '疑',
  聚: '娶骤', 创: '仓', 旗: '棋', 帜: '职织', 育: '盲', 象: '像', 话: '活', 信: '言', 站: '战', 宗: '综', 旨: '指',
  想: '相', 政: '证', 治: '制', 清: '青', 整: '正', 改: '该', 实: '石', 理: '里', 志: '忠', 服: '伏', 务: '各',
};

/** A variant that is a word in its own right (or a legitimate form) is no slip. */
// 以学生为主体教育…: the typo table judges 主体教育 in context; 宣传布置, 组织布置 are words.
const NOT_SLIPS = new Set(['思想证治', '主体则任', '主体教育', '宣传布', '组织布', '统战布']);

/** Slip → the genre word it stands for. */
export const SLIPS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (slip: string, word: string) => {
    if (slip.length >= 3 && !NOT_SLIPS.has(slip) && !GENRE_WORDS.includes(slip) && !m.has(slip)) m.set(slip, word);
  };
  for (const w of GENRE_WORDS) {
    const cs = [...w];
    cs.forEach((c, i) => {
      for (const s of CONFUSABLE[c] ?? '') add([...cs.slice(0, i), s, ...cs.slice(i + 1)].join(''), w);
    });
  }
  return m;
})();

/**
 * Four-character words of the genre cut short: one of the two middle characters dropped (贯落实 for 贯彻落实).
 * A table, not generated: a cut is listed only where what is left is no word and no likely join of two words
 * (not 凝聚力, 舆论导向, 系统推进, 人民生活, 团队建设, 整改实效, 深入展开). `not` guards the joins that remain
 * (公安部署, 互联网舆情, 纵深开展). Source: the words of this genre (CRITIC.md round 13 list), round 15 review.
 */
export const CUT_WORDS: readonly { cut: string; word: string; notBefore?: string; notAfter?: string }[] = [
  { cut: '安部署', word: '安排部署', notBefore: '公保治平' },
  { cut: '研部署', word: '研究部署', notBefore: '科调教' },
  { cut: '研究署', word: '研究部署' },
  // 同部署 with 部 slipped to 步 (同步署), inside the 四同 series.
  { cut: '同步署', word: '同部署' },
  { cut: '贯落实', word: '贯彻落实' },
  { cut: '贯执行', word: '贯彻执行' },
  { cut: '意形态', word: '意识形态', notBefore: '注' },
  { cut: '意识态', word: '意识形态', notAfter: '度' },
  { cut: '宣阵地', word: '宣传阵地' },
  { cut: '舆阵地', word: '舆论阵地' },
  { cut: '守创新', word: '守正创新', notBefore: '坚恪严固' },
  { cut: '风隐患', word: '风险隐患', notBefore: '作防抗台' },
  { cut: '风险患', word: '风险隐患' },
  { cut: '舆处置', word: '舆情处置' },
  { cut: '舆情置', word: '舆情处置', notAfter: '顶' },
  { cut: '网舆情', word: '网络舆情', notBefore: '联' },
  { cut: '理论习', word: '理论学习', notAfter: '题近' },
  { cut: '警示育', word: '警示教育' },
  { cut: '志愿务', word: '志愿服务' },
  { cut: '党廉政', word: '党风廉政', notBefore: '治' },
  { cut: '形研判', word: '形势研判', notBefore: '情地图外' },
  { cut: '分析判', word: '分析研判', notAfter: '断定别读' },
  { cut: '阵管理', word: '阵地管理' },
  { cut: '扎推进', word: '扎实推进' },
  { cut: '深开展', word: '深入开展', notBefore: '纵高精' },
  { cut: '凝心力', word: '凝心聚力' },
  { cut: '宣思想', word: '宣传思想' },
  { cut: '精文明', word: '精神文明' },
  { cut: '批评育', word: '批评教育' },
  { cut: '监检查', word: '监督检查' },
  { cut: '压实任', word: '压实责任' },
  { cut: '履尽责', word: '履职尽责' },
  { cut: '主题育', word: '主题教育' },
  { cut: '政站位', word: '政治站位' },
  { cut: '宗意识', word: '宗旨意识' },
  { cut: '宗旨识', word: '宗旨意识' },
  { cut: '基党建', word: '基层党建' },
  { cut: '廉政设', word: '廉政建设' },
  { cut: '作风设', word: '作风建设' },
  { cut: '队伍设', word: '队伍建设' },
  { cut: '舆引导', word: '舆论引导' },
  { cut: '疫防控', word: '疫情防控' },
  { cut: '乡振兴', word: '乡村振兴', notBefore: '城' },
  { cut: '狠落实', word: '狠抓落实' },
  { cut: '从治党', word: '从严治党' },
  { cut: '凝共识', word: '凝聚共识' },
  { cut: '举反三', word: '举一反三' },
  { cut: '未绸缪', word: '未雨绸缪' },
  { cut: '常不懈', word: '常抓不懈' },
  { cut: '常抓懈', word: '常抓不懈' },
  { cut: '持以恒', word: '持之以恒' },
  { cut: '真抓干', word: '真抓实干' },
  { cut: '学悟透', word: '学深悟透' },
  { cut: '融贯通', word: '融会贯通' },
  { cut: '融会通', word: '融会贯通' },
  { cut: '学致用', word: '学以致用' },
  { cut: '知合一', word: '知行合一' },
  { cut: '守土责', word: '守土有责' },
  { cut: '旗鲜明', word: '旗帜鲜明' },
  { cut: '理气壮', word: '理直气壮' },
  { cut: '铸育人', word: '铸魂育人' },
  { cut: '立树人', word: '立德树人' },
  { cut: '舆监督', word: '舆论监督' },
  { cut: '舆监测', word: '舆情监测' },
  { cut: '宣报道', word: '宣传报道' },
  { cut: '思建设', word: '思想建设', notBefore: '构意' },
  { cut: '理武装', word: '理论武装', notBefore: '管处治办代' },
  { cut: '廉自律', word: '廉洁自律', notBefore: '清' },
  { cut: '警长鸣', word: '警钟长鸣', notBefore: '交民巡刑' },
  { cut: '主党日', word: '主题党日' },
  { cut: '先模范', word: '先锋模范', notBefore: '首优领事' },
  { cut: '战堡垒', word: '战斗堡垒', notBefore: '作' },
  { cut: '战斗垒', word: '战斗堡垒' },
  { cut: '以作则', word: '以身作则', notBefore: '可' },
  { cut: '以身则', word: '以身作则' },
  { cut: '率垂范', word: '率先垂范' },
  { cut: '率先范', word: '率先垂范', notAfter: '例' },
  { cut: '群路线', word: '群众路线', notBefore: '人鱼羊' },
  { cut: '脱攻坚', word: '脱贫攻坚' },
  { cut: '矛纠纷', word: '矛盾纠纷' },
  { cut: '排化解', word: '排查化解', notBefore: '安' },
  { cut: '移易俗', word: '移风易俗' },
  { cut: '精施策', word: '精准施策' },
  { cut: '统兼顾', word: '统筹兼顾' },
  { cut: '统筹顾', word: '统筹兼顾' },
];
