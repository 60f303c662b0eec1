/**
 * The leader's comments (批注) understood by rules: which kind each is, the list the writer sees
 * before anything changes, the writer's answer (全部处理 / picked numbers), and the wording of the
 * replies 笔杆子 leaves on each comment. Pure: no document or network here.
 */
import { parseNumeral } from '../text/numerals.js';
import { quoteZh } from '../text/quote.js';

export const COMMENT_CLASSES = ['rewrite', 'data', 'delete', 'structure', 'political', 'format', 'question'] as const;
export type CommentClass = (typeof COMMENT_CLASSES)[number];

/** Full name (on the card's list) and short name (in the summary line) of each kind. */
export const CLASS_LABEL: Record<CommentClass, { name: string; short: string }> = {
  rewrite: { name: '改写/润色', short: '改写' },
  data: { name: '补事实或数据', short: '补数据' },
  delete: { name: '删去', short: '删去' },
  structure: { name: '调整结构或篇幅', short: '结构' },
  political: { name: '政治表述', short: '提法' },
  format: { name: '格式', short: '格式' },
  question: { name: '提问或看不懂', short: '提问' },
};

/**
 * Word families of a reviewer's margin notes, tried in order: a note that says 删 means delete
 * whatever else it says; a 提法 note is about the formulation even when it asks a question; a note
 * asking for numbers wants data even when phrased as a question. What matches nothing is a request
 * to rewrite, the commonest note.
 */
const RULES: Array<{ cls: CommentClass; re: RegExp }> = [
  { cls: 'delete', re: /删(去|除|掉|减)?(这|此|本)?(句|段|处|条|部分)?$|^删|删去|删除|删掉|去掉|拿掉|不要(这|此)|(这|此)(句|段|处|条|部分)?(就)?不要|不要了|不用写|不必写|可以不写|不提/ },
  { cls: 'political', re: /提法|表述|口径|政治(性|站位|上)|规范(说法|用语)|中央(精神|要求)|讲话精神|四个意识|四个自信|两个维护|两个确立|意识形态(提法|表述)/ },
  { cls: 'data', re: /数据|数字|具体(事例|例子|案例|数|情况)|多少|几(次|场|人|个|篇)|次数|比例|百分|占比|同比|环比|量化|举(个)?例|佐证|事实|补充(材料|情况|内容)|要有(具体)?|时间节点|成效.*(体现|说明)/ },
  { cls: 'structure', re: /压缩|精简|篇幅|太长|过长|偏长|太短|过短|展开|扩充|充实|调整(顺序|结构|位置)|顺序|结构|合并|拆分|拆开|放到|移到|挪到|提前|放后|分段|层次|字以内|行以内|半页|一页|详略/ },
  { cls: 'question', re: /看不懂|什么意思|指什么|是什么|何意|不明白|不理解|没看懂|怎么理解|指的是|哪个|哪些/ },
  { cls: 'format', re: /格式|序号|编号|字体|字号|标点|加粗|黑体|仿宋|楷体|行距|缩进|空格|空行|对齐|页码|标题级|层级序数/ },
  { cls: 'question', re: /[？?]|为什么|为何|是否|有没有/ },
];

export function classifyComment(text: string): CommentClass {
  const t = text.replace(/\s+/g, '');
  for (const r of RULES) if (r.re.test(t)) return r.cls;
  return 'rewrite';
}

/** “共 6 条批注：改写 2、补数据 1、删去 1、提法 1、提问 1” (kinds in a fixed order, empty ones left out). */
export function commentSummary(classes: readonly CommentClass[]): string {
  if (!classes.length) return '这份文档里没有批注。';
  const parts = COMMENT_CLASSES.map((c) => [c, classes.filter((x) => x === c).length] as const).filter(([, n]) => n > 0).map(([c, n]) => `${CLASS_LABEL[c].short} ${n}`);
  return `共 ${classes.length} 条批注：${parts.join('、')}`;
}

export interface ListedComment {
  n: number;
  cls: CommentClass;
  author: string;
  text: string;
  /** The passage it covers (shortened), or what it sits on. */
  quoted: string;
}

const clip = (s: string, max = 24) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** One line per comment for the card: number, kind, the passage, and the note. */
export function commentListLines(items: readonly ListedComment[]): string[] {
  return items.map((c) => `${c.n}.【${CLASS_LABEL[c.cls].short}】${c.quoted ? quoteZh(clip(c.quoted)) : '（未落在正文）'}——${c.author ? `${c.author}：` : ''}${clip(c.text, 40)}`);
}

/** 按审校意见修订 / 按审校意见改 / 把审校意见改进去 (on a file or a quoted file). */
export const REVISE_BY_CRITIQUE = /按(照)?(审校|审阅|校对)(意见|结果)(修订|修改|改)|把(审校|校对)意见(改进去|改上|落实)/;
/** 处理批注 / 按批注修改 / 按批注改: the words that ask for the review loop on a link or quoted file. */
export const HANDLE_COMMENTS = /(处理|按|根据|照)(领导(的)?)?(批注|评论)(修改|改|修订|处理)?|批注.{0,4}(处理|修改|改一下|改改)/;

/**
 * 直接改原文档 / 在原文档上改 / 改原文 (optionally after the numbers: “处理 1 3，直接改原文档”): the
 * answer to a cloud doc's list that edits the commented blocks in place instead of importing a copy.
 */
export const EDIT_IN_PLACE = /^(?:(?:全部|全都|都)处理|处理[\d一二两三四五六七八九十\s、,，和第条]+|除(?:了|去|开)?[\d一二两三四五六七八九十\s、,，和第条]+都?(?:处理|改))?[，,、\s]*(?:请|麻烦)?(?:你)?(?:直接|就)?(?:改(?:在)?原(?:文档|云文档|文|稿)(?:上|里|中)?|在原(?:文档|云文档|文|稿)(?:上|里|中)?(?:直接)?(?:改|修改))(?:吧|就行|即可|就好)?[。！!]?$/;
/** The in-place words taken off, leaving the numbers (if any) for parseReviewAnswer. */
export const stripInPlace = (text: string): string => text.replace(/[，,、\s]*(?:请|麻烦)?(?:你)?(?:直接|就)?(?:改(?:在)?原(?:文档|云文档|文|稿)(?:上|里|中)?|在原(?:文档|云文档|文|稿)(?:上|里|中)?(?:直接)?(?:改|修改))(?:吧|就行|即可|就好)?[。！!]?$/, '').trim();

/** The question under the list, naming the two ways to answer. */
export const ANSWER_PROMPT = '回复“全部处理”，或回复要处理的序号（如“处理 1、3”）；不处理的批注也会逐条回复原因。';

export type ReviewAnswer =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'some'; numbers: number[] }
  | { kind: 'invalid'; bad: number[] };

/** A number the writer gives, in digits or Chinese (the writer may say 第三条). */
const cnNumber = (s: string): number | undefined => parseNumeral(s);

/**
 * The writer's answer to the list: 全部处理 / 都改; 不处理; picked numbers (“1、3”, “第二条和第四条”,
 * “1-3”); or all but some (“除了2都改”). Undefined when the message is not an answer at all.
 */
export function parseReviewAnswer(message: string, count: number): ReviewAnswer | undefined {
  // “处理 1 3 5”: a space between numbers separates them (before spaces go).
  const t = message.replace(/([\d一二两三四五六七八九十])\s+(?=[\d一二两三四五六七八九十])/g, '$1、').replace(/\s+/g, '').replace(/<at[^>]*>[^<]*<\/at>|@\S+?(?=[，,。]|$)/g, '');
  if (/^(都|全部)?(不(用|要|必)?(处理|改|修改)|取消|算了)/.test(t)) return { kind: 'none' };
  const NUM = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
  const nums: number[] = [];
  for (const m of t.matchAll(new RegExp(`${NUM}(?:[-－~～至到]${NUM})?`, 'g'))) {
    const a = cnNumber(m[1]!);
    const b = m[2] ? cnNumber(m[2]) : undefined;
    if (a === undefined) continue;
    if (b !== undefined && b >= a && b - a < 200) for (let k = a; k <= b; k++) nums.push(k);
    else nums.push(a);
  }
  const except = /除(了|去|开)?(第)?/.test(t) && nums.length > 0;
  const all = /全部|全都|都(处理|改)|全改|全处理|一并处理|逐条处理|^(处理|改)(吧)?$|^好的?$/.test(t);
  if (!nums.length) return all ? { kind: 'all' } : undefined;
  const bad = [...new Set(nums.filter((n) => n < 1 || n > count))];
  if (bad.length) return { kind: 'invalid', bad };
  const picked = [...new Set(nums)].sort((a, b) => a - b);
  if (except) {
    const rest = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !picked.includes(n));
    return rest.length ? { kind: 'some', numbers: rest } : { kind: 'none' };
  }
  return { kind: 'some', numbers: picked };
}

/** What the answer means for the writer, in one line (or the complaint about bad numbers). */
export function describeAnswer(a: ReviewAnswer, count: number): string {
  switch (a.kind) {
    case 'all': return `好的，逐条处理全部 ${count} 条批注。`;
    case 'none': return '好的，不改动文档，只逐条回复批注。';
    case 'some': return `好的，处理第 ${a.numbers.join('、')} 条，其余逐条回复“未修改”。`;
    case 'invalid': return `没有第 ${a.bad.join('、')} 条批注：这份文档共 ${count} 条，请回复 1 到 ${count} 之间的序号，或“全部处理”。`;
  }
}

/** The reply 笔杆子 leaves under one comment. */
export type CommentReply =
  | { kind: 'revised'; what: string }
  | { kind: 'kept'; what: string; reason: string }
  | { kind: 'ask'; need: string }
  | { kind: 'offline'; cls: CommentClass }
  | { kind: 'unlocated' };

export function replyText(r: CommentReply): string {
  switch (r.kind) {
    case 'revised': return `已修改：${r.what}`;
    case 'kept': return `未修改：${r.what}（${r.reason}）`;
    case 'ask': return `需要你补充：【${r.need}】`;
    case 'offline': return `需要配置大模型后处理：这条是“${CLASS_LABEL[r.cls].name}”类批注，未配置大模型时只改审校规则能确定的错误。`;
    case 'unlocated': return '未能定位：这条批注没有落在能识别的正文文字上，未改动；请告诉我它指的是哪一句。';
  }
}

/** Answers for documents that cannot be reviewed as they are. */
export const REVIEW_TEXT = {
  noComments: '这份文档里没有批注，没有可按批注修改的地方。需要的话回复“审校”，我按审校规则检查一遍。',
  encrypted: '这份文档设置了打开密码（已加密），笔杆子读不了。请在 Word 里清除密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空后保存）再发给我。',
  notDocx: '这个文件不是能读的 Word（.docx）文档，无法按批注修改。请用 Word 或 WPS 另存为 .docx 后再发。',
  protected: (edit: string) => `这份文档开启了“限制编辑”（${edit === 'readOnly' ? '只读' : edit === 'comments' ? '仅批注' : edit === 'forms' ? '仅填写窗体' : edit}），改动无法写进去。请在 Word 里“审阅 → 限制编辑 → 停止保护”后再发；只想看意见的话回复“审校”。`,
  image: '批注落在图片上，笔杆子不改图片',
  table: '批注落在表格里，表格数据请核对后手工修改',
  notPicked: '这次没有选择处理这一条',
  leaderChange: '该处有领导本人的修订，为免覆盖未改动',
  objectInside: '该处含图片或对象，未改动',
  outOfRange: '拟改内容超出批注范围，按规则不改',
  inlineElement: '这段文字里有@提及、文档链接或公式，直接改原文档会破坏它们，未改动；可回复“全部处理”在修订稿里改',
  commentsDenied: '笔杆子读不到这份云文档的评论：请文档所有者把文档分享给笔杆子（可阅读即可），并请管理员在飞书开发者后台为应用开通“获取云文档中的评论”权限（docs:document.comment:read）；要在评论里回复，还需开通“添加、回复云文档中的评论”（docs:document.comment:create）。',
  guardBlocked: '改后的文档没有通过改动核查（批注范围外的文字有变化），已停止输出，原文件未动。请把文档再发一次，或联系管理员。',
  /** In a change list: the comment was answered by an earlier run for the same list. */
  answeredBefore: '此前已在评论下回复过，这次没有重复回复',
  answeredBeforeCount: (n: number) => `另有 ${n} 条评论此前已按这份清单回复过，这次没有重复回复。`,
} as const;
