/**
 * Page chrome and pasted leftovers: what a writer brings along when copying a report from a
 * template site, a document site, a government portal, a news page, a PDF or a chat model. Patterns
 * are by family (breadcrumb, metadata line, image file name, injected spam, dateline, 小编 intro,
 * collection marker, advert, model preamble, a line that is no prose), not by site.
 * doc.ts uses them to keep chrome out of the title and period; the debris rule reports them; the
 * layout and punctuation rules read CUT_NOTICE and isTableRow.
 */

export type ChromeKind = 'toc' | 'breadcrumb' | 'meta' | 'intro' | 'collection' | 'advert' | 'template' | 'model' | 'pagenum';

export interface ChromeHit {
  kind: ChromeKind;
  /** Offsets inside the line. */
  start: number;
  end: number;
  message: string;
}

/** Breadcrumbs: 首页 > 栏目 > 文章, 当前位置：… (also 当前位置 : 首页), a portal's 首页>>信息公开>>部门文件 (a doubled >), and a breadcrumb's second line (> 信息公开 > 年度报告). */
const BREADCRUMB = /(?:当前的?位置|您的位置|所在位置|现在位置)\s*[：:]|^[>＞»›]\s*[^>＞»›\n]{1,20}\s*[>＞»›]|^(?:[^>＞»›\n]{1,20}\s*(?:[>＞»›]{1,2}|->)\s*){2,}|^(?:首页|网站首页|主页)\s*(?:[>＞»›]{1,2}|->)/;
/** A site column's name as a line of its own. */
const COLUMN_NAME = /^[\u4e00-\u9fff]{0,6}(?:动态|要闻|资讯|通知公告|新闻中心|[局委办院站部]新闻)$/;
/** A line of HTML tags only, perhaps after a list number or bullet that the page's list markup left. */
const TAGS_ONLY = /^(?:(?:\d{1,2}[.．]|[•·*-])[ \u3000]*)?(?:<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,200})?\/?>[ \u3000]*)+$/;
/** A document site's preview images, each captioned with the file's title and its page (……自查报告_第2页). */
const PREVIEW_CAPTION = /^[^。；！？\n]{2,80}?[_＿][ \u3000]*第\s*\d{1,3}\s*页$/;
/** A forum's category tag before the thread's title ([计划总结] 乡镇2020年……总结): the tag is chrome. */
const FORUM_TAG = /^\[[\u4e00-\u9fff]{2,8}\][ \u3000]*(?=[\u4e00-\u9fff0-9])/;
/** A site's header line: the site's name and 首页 (范文之家 首页), a link bar no report has. */
const SITE_HOME = /^[^\s，。；：:、]{2,16}[ \u3000]*(?:网站)?首页$/;
/** A portal column code before the page heading (3-8-20-3…), and a listing tag with empty brackets (… -报告 []). */
const COLUMN_CODE = /^\d{1,3}(?:-\d{1,3}){2,}(?=[\u4e00-\u9fff])/;
const LIST_TAG = /[ \u3000]+[-－][ \u3000]*[\u4e00-\u9fff]{2,6}[ \u3000]*\[[ \u3000]*\][ \u3000]*/;
/** An image's file name alone on its line where the picture was (ab.jpg, IMG_2031.png, 合影.jpg). */
const IMAGE_FILE = /^[\w.\-\u4e00-\u9fff（）()]{1,60}\.(?:jpe?g|png|gif|webp|bmp|heic)$/i;
/**
 * A camera's, a phone's or a chat app's export name, with or without its extension, glued to the text around it:
 * 微信图片_20250412093318, IMG_20240611_154522, DSC01234, mmexport1712345678901, Screenshot_2024-06-11-15-45-22.
 * A prefix of its own and a long run of digits: no report writes either.
 */
const EXPORT_NAME = /(?:微信图片|微信截图|屏幕截图|截图|QQ图片|wx_camera|mmexport|IMG|DSCN?|VID|PXL|Screenshot)[_-]?\d[\d_-]{6,}\d(?:\.(?:jpe?g|png|gif|webp|bmp|heic))?(?![\w.])/i;
/** A content hash left by an image or attachment link: 16 to 64 hex digits with letters and digits both, alone or at a line's edge. */
const HEX_HASH = /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,64}$/i;
const HEX_GLUED = /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{20,64}(?=[\u4e00-\u9fff“（])|(?<=[\u4e00-\u9fff。；！？”）])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{20,64}$/i;

/**
 * Gambling spam injected into a hijacked page (a site's SEO hack): a betting brand followed by the words its pages
 * carry (官网, 官方网站, app, 下载, 体育, 娱乐, 平台, 入口 …). Members: brand names such spam pages show, kept to those
 * with no everyday meaning before those words (金沙, 星空, 半岛, 永利 are left out); the context words are the ones
 * press coverage of hijacked government accounts quotes (官方娱乐平台, 棋牌彩票电子). The brand may carry a Latin tag
 * and 中国 before the words. A brand alone, or 体育/平台 alone, is no finding; nor is a line about fighting gambling.
 */
export const GAMBLING_BRANDS = ['开云', '必赢', '亚博', '博亚', '乐鱼', '华体会', '米乐', '九游会', '九游', '爱游戏', '威尼斯人', '新葡京', '葡京', '澳门银河', '太阳城', '皇冠', '博天堂', '凯发', '尊龙', '利来', '龙8', '伟德', '欧宝', '雷竞技', '明升', '金宝博', '沙巴', '新濠天地', '百家乐'];
const GAMBLING_CONTEXT = '官网|官方网站|官方平台|app|下载|体育|娱乐|平台|入口|网址|注册|登录|网页版|客户端|手机版|真人|棋牌|彩票|电竞|电子游艺';
const GAMBLING = new RegExp(
  // The brand may carry its Latin tag (米乐m6, 爱游戏(ayx)) and 中国 before the site words.
  `(?:${GAMBLING_BRANDS.join('|')})(?:[（(]?[A-Za-z][A-Za-z0-9]{0,7}[）)]?)?(?:[·•\\s-]*[（(]?中国[）)]?)?(?:[·•\\s-]*(?:${GAMBLING_CONTEXT}))+(?![馆场局会])` +
    // A site's number-and-suffix stem glued to a brand (565net亚洲必嬴: 嬴 spelled for 赢 to dodge filters), and a brand
    // under 亚洲/澳门, which no unit's name is.
    `|(?<![A-Za-z0-9])\\d{2,5}(?:net|bet|vip|com|cc)(?:亚洲|澳门)?(?:${GAMBLING_BRANDS.join('|')}|必嬴)|(?:亚洲|澳门)(?:必赢|必嬴|皇冠|太阳城|博彩)` +
    // Latin brand names no report uses, and the spam title's boilerplate.
    '|(?<![A-Za-z])(?:bwin|bet365|188bet|betway|1xbet|kaiyun|leyu)(?![A-Za-z])|(?<![A-Za-z])(?:PG|AG)(?:电子|真人)|[（(]中国[）)](?:官方网站|官网)|IOS\\s*[/／]\\s*安卓(?:通用版)?',
  'i',
);

/**
 * A listing page's teaser: an article's opening (a date, 近日, 今年以来, 为进一步……) cut short by ..., 。。。 or a
 * single … with no sentence end; or any prose cut by dots and followed by the page's link (详细, 阅读全文).
 * …… alone may end a writer's sentence (GB/T 15834), and so may 等 before any dots; a writer's own ... closing a
 * line that opens otherwise (我们还将……...) is a slip of the mark, not a page's excerpt.
 */
const TEASER_OPEN = /^(?:近日|日前|近期|连日来|今年以来|今年|去年|本年度|[\d一二三四五六七八九十]{1,2}月(?:[\d一二三四五六七八九十]{1,3}日)?|20\d{2}年|为(?:进一步|深入|全面|切实|扎实|认真|更好|推动|加强|落实|贯彻|积极|持续|有效)|根据|按照|随着|自[\d一二三四五六七八九十]|[\u4e00-\u9fff]{1,6}以来)/;
/** A listing row's date after the teaser: 2025-03-05, [2025-03-05]. */
const ROW_DATE = '(?:\\s*[[【（(]?20\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}[\\]】）)]?)?';
/** Dots that cut a text off: ..., 。。。 or a single … (…… alone may end a writer's sentence). */
export const CUT_DOTS = '(?:\\.{3}|。{3}|(?<!…)…)';
const TEASER = new RegExp(`^(?=.{20,})[^。！？]*[\\u4e00-\\u9fff，、”0-9](?<!等)${CUT_DOTS}${ROW_DATE}$`);
const TEASER_LINKED = new RegExp(`^(?=.{14,})[^。！？]*[\\u4e00-\\u9fff，、”0-9](?:\\.{3}|。{3}|…{1,2})\\s*[[【（(]?(?:详细|详情|全文|更多|阅读全文|查看全文)[\\]】）)]?${ROW_DATE}$`);

/**
 * A news page's dateline at a paragraph's start: 【本站讯】, 【某某讯】, 本报讯, 本网讯（记者 …）, a site's own 某某法院网讯. Unbracketed, it is
 * followed by a space, its byline, a date or a time word — not by a noun (本报讯栏目).
 */
const DATELINE = /^(?:【[\u4e00-\u9fff]{1,10}讯】|[\u4e00-\u9fff]{2,12}报道(?=[（(](?:记者|通讯员))|(?:本报|本网|本站|本台|本刊|本社|[\u4e00-\u9fff]{2,12}(?:网|报|台|在线|融媒|电视台|广播电视台))讯(?=[ \u3000（(0-9]|近日|日前|近期|今年|昨日|昨天|今天|当天|[一二三四五六七八九十]{1,2}月))(?:[ \u3000]*[（(][^（）()\n]{0,40}?(?:记者|通讯员|报道|撰稿|摄影|文\s*[/／]|图\s*[/／])[^（）()\n]{0,40}[）)])?[ \u3000]*/;
/**
 * A news or public-account article's credits on a line of their own: （通讯员 王芳）, （文/图 李强）, （某某街道 供稿）,
 * 供稿：…, 图片来源：…, 编辑｜… (the bar is the account's style; a report's sign-off uses no bar).
 */
const BYLINE = /^[（(](?:(?:(?:记者|通讯员|摄影|撰稿|作者)[：:\s]*|(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文|图)[：:\s]+)[\u4e00-\u9fff·]{2,4}(?:[\s、，,][^（）()]{1,30})?|[^（）()]{1,20}(?:供稿|撰稿|报送))[）)]$|^(?:供稿|撰稿|责编|图片来源|图源|摄影|通讯员|记者|排版|校对)\s*[：:]\s*\S[^。；！？]{0,20}$|^(?:供稿|撰稿|责编|图片|图源|摄影|文字|编辑|审核|初审|复审|终审|排版|校对|文|图)\s*[|｜丨]\s*\S[^。；！？]{0,20}$/;
/** An article's counters on a line of their own: 阅读 3562, 浏览次数：1.2万, 点赞 12 在看 5. */
const COUNTERS = /^(?:(?:阅读|浏览|点击|点赞|评论|转发|收藏|在看|分享)(?:量|数|次数)?[ \u3000]*[：:]?[ \u3000]*\d+(?:\.\d+)?[万wW]?[ \u3000]*次?[ \u3000]*){1,4}$/;
/** A public account's follow prompts and end mark: 阅读原文, 点击上方蓝字关注我们, 长按识别二维码, — END —. */
const ACCOUNT_PROMPT = /^(?:阅读原文|点击(?:上方)?蓝字.{0,10}|长按(?:识别)?(?:图中)?二维码.{0,10}|扫码关注.{0,10}|[-—–\s]*END[-—–\s]*)$/;
/** A photo set's count, and a caption line: （图片共6张）, 图为……, ▲图为……. */
const PHOTO_COUNT = /[（(]\s*(?:图片|照片)共\s*\d{1,3}\s*张\s*[）)]|共\s*\d{1,3}\s*张(?:图片|照片)/;
/** A news photo's credit closing its caption line: 本报记者 某某摄, （新华社记者 某某 摄）. */
const PHOTO_CREDIT = /(?:记者|通讯员|摄影)[ \u3000]*[\u4e00-\u9fff·]{2,5}[ \u3000]*摄[）)]?$/;
const CAPTION = /^[▲△↑]?\s*(?:[上下左右]?图为(?!民)|图片为|图：)[^\n]{2,80}$/;
/** Items of a portal's navigation bar, set apart by spaces (首页 机构概况 新闻中心 政务公开). */
const NAV_ITEM = /^(?:首页|网站首页|新闻中心|政务公开|信息公开|互动交流|办事服务|政务服务|机构概况|领导信息|政策文件|政策法规|联系我们|关于我们|网站地图|专题专栏|通知公告|在线访谈|公众参与|工作动态|走进[\u4e00-\u9fff]{1,6})$/;

/**
 * A line that is not prose: no sentence mark, and made of Latin letters, digits and symbols rather than words
 * (a stray letter, an ID, a separator rule). Dates, phone numbers, list heads, placeholders (XX) and English words
 * are left alone.
 */
function notProse(t: string): boolean {
  if (/[。，；！？：:]/.test(t) || t.length > 80) return false;
  const s = t.replace(/[\s\u3000]+/g, '');
  // A lone X stays the placeholder rule's (an unfilled slot reads the same).
  if (/^[A-WYZa-wyz]$/.test(s)) return true;
  if (s.length < 3) return false;
  const cjk = (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (cjk > 2) return false;
  // Dates, numbers, phone numbers and page ranges are a signature's or a table's; XX is the placeholder rule's.
  if (/^[\d.\-/／—–()（）+年月日]+$/.test(s) || /^[XxＸ×*＊]+$/.test(s)) return false;
  // An e-mail address is a contact line's.
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(s)) return false;
  // A ##tag## marker is the markup rule's, with its own message.
  if (/#{2,}/.test(s)) return false;
  // A list head (A. B、 I. IV、) and English words are writing, not debris.
  if (/^(?:[A-Z]|[IVX]{1,4})[.、．]/.test(s) || /^(?:[A-Za-z]{2,}[\s,'-]+){2,}[A-Za-z]{2,}\.?$/.test(t.trim())) return false;
  // A table row (GDP  6.5%  7.0%) and a figure with its percentage are data.
  if (isTableRow(t) || /[%％]/.test(s)) return false;
  // A rule of symbols (=====, *****).
  if (/^[=\-_*~#·.]{3,}$/.test(s)) return true;
  // Six characters or more (Q&A is a heading): letters with a symbol no prose uses (WZ-2024_0871 #B3,
  // ref=share&from=…), or letters and digits interleaved with no Chinese at all (k7x2p9, an ID), not a name with its
  // number (ISO9001, PM2.5, 5G基站).
  const turns = (s.match(/[A-Za-z](?=\d)|\d(?=[A-Za-z])/g) ?? []).length;
  return /[A-Za-z]/.test(s) && s.length >= 6 && (/[_#@=|\\<>{}$&^]/.test(s) || (cjk === 0 && turns >= 2));
}
/** A web timestamp (2022-05-10 09:58:46) or a 2025-11-02 date line: pages write dates this way, reports do not. */
const TIMESTAMP = /(?<!\d)20\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)/;
/** Labels of page metadata fields. */
const META_LABEL = /(?:^|[\s|｜•·])(?:来源|作者|发布(?:时间|日期|者)?|更新(?:时间|日期)|上传(?:日期|时间|者)|浏览(?:量|次数)?|阅读(?:量|数|次数)?|点击(?:量|数)?|字数|分享|收藏|格式|页码|页数|网站|移动端|推荐度|小编|责任编辑|编辑|免责声明|申明敬告|声明|文档介绍|文章来源|所属栏目|栏目|标签|关键词)\s*[：:]/;
/**
 * The metadata table of a government portal's 信息公开 page (GB/T 9704 has none of these on a document):
 * 索引号, 主题分类, 发布机构, 成文日期, 发文字号, 有效性 ... A label alone on its line is chrome too, and so
 * is the short value line under it.
 */
const PORTAL_META = /(?:^|[\s|｜•·])(?:索引号|信息索引号|主题分类|体裁分类|组配分类|服务对象分类|信息分类|公开分类|分类|发布机构|发文机构|发文机关|所属机构|信息来源|生成日期|成文日期|发文日期|公开日期|印发日期|发文字号|文号|有效性|时效性|公开方式|公开范围|公开形式|公开时限|内容概述|主题词|信息名称|文件名称|名称)\s*[：:]/;
/** A portal's account and accessibility bar: 登录 | 注册, 无障碍, 长者模式, 繁体, 网站地图, 字号 大 中 小, 打印本页. */
const PORTAL_BAR = /^(?:[【[]?\s*)?(?:登录|注册|无障碍|长者模式|关怀版|繁體|繁体|简体|English|网站地图|设为首页|加入收藏|返回顶部|打印本页|关闭窗口|打印|关闭|我要纠错|字号|字体)(?:\s*[|｜/／·、：:]?\s*(?:登录|注册|无障碍(?:浏览|阅读)?|长者模式|关怀版|繁體|繁体|简体|English|网站地图|设为首页|加入收藏|返回顶部|打印本页|关闭窗口|打印|关闭|我要纠错|分享|收藏|[大中小](?:\s|$)|[【】[\]]))*\s*$|^[【[]?\s*字(?:号|体)\s*[：:]?\s*[大中小]\s*[大中小]?\s*[大中小]?\s*[】\]]?|(?:^|\s)(?:登录|登陆)\s*[|｜/／]\s*注册(?:\s|$)|扫一扫在手机(?:上)?(?:打开|查看|浏览)/;
/** A portal page's footer bar, each item on its own line: 分享到：, 【打印正文】, a lone × (a closed dialog), 用户登录. */
const PORTAL_FOOTER = /^(?:分享到[：:]?|【(?:打印正文|打印本页|关闭窗口|打印|关闭|返回顶部)】(?:\s*【(?:打印正文|打印本页|关闭窗口|打印|关闭|返回顶部)】)*|[×✕]|用户登录|用户注册|朗读|收听|语音播报)$|[[【]打印本页[\]】]$/;
/** A template site's generated outline or digest box, marked 【提纲】/【导读】 at the start of its line. */
/** A member site's account bar, two or more of its links on one line: 会员登录 新用户注册 退出. */
const ACCOUNT_BAR = /^(?:(?:会员|用户)?(?:登录|登陆)|(?:新用户|会员|免费|用户)?注册|退出(?:登录)?|找回密码|忘记密码|个人中心|会员中心|我的收藏|我要投稿|投诉建议|在线投稿)(?:[ \u3000|｜/／·]+(?:(?:会员|用户)?(?:登录|登陆)|(?:新用户|会员|免费|用户)?注册|退出(?:登录)?|找回密码|忘记密码|个人中心|会员中心|我的收藏|我要投稿|投诉建议|在线投稿))+$/;
/** A site's page title as a browser tab shows it, two names joined by a dash: 某某网 - 某某之家. */
const SITE_TAB_TITLE = /^[\u4e00-\u9fff]{2,10}(?:网|文库|之家|文档)[ \u3000]*[-—–_|｜][ \u3000]*[\u4e00-\u9fff]{2,12}(?:网|文库|之家|文档|范文|公文|材料)$/;
const OUTLINE_BOX = /^【(?:提纲|大纲|导读|内容提要|文章提纲)】/;
/** A site's domain alone on a line, or as a banner with its slogan (EXAMPLE.COM —— 专注……). */
const SITE_BANNER = /^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]{1,30}\.(?:com\.cn|com|cn|net|org|cc|top|vip)(?:[ \u3000]*(?:[-—–|｜:：]{1,2}|[ \u3000])[ \u3000]*[^。；！？\n]{2,30})?$/i;
/** A site's footer: host, copyright, ICP and police registration, browser notes (no report line carries these). */
const SITE_FOOTER = /ICP备|ICP证|公网安备|网站标识码|版权所有|主办单位[：:]|承办单位[：:]|技术支持[：:]|推荐浏览器|最佳分辨率|建议使用\s*IE/i;
/** A site's name (……文库, ……网, ……文档) on a short line dressed with symbols no report uses (◆ ★ ~). */
const SITE_DECOR = /^(?=.{0,40}$)(?=.*[◆◇★☆♦●~～❤♥]).*[\u4e00-\u9fff]{2,6}(?:文库|文档|网|范文)(?![\u4e00-\u9fff]{0,1}(?:络|格|点|民))/;
/** A site's name and slogan as the first line (某某创作网，一手好文，受用一生): a name ending in 网 before a comma, no sentence mark. */
const SITE_SLOGAN = /^[\u4e00-\u9fffA-Za-z0-9]{2,8}(?<!互联|局域|因特|电|政务|物联|管|铁丝|天|法|渔)(?:网|网站|文库)[，,][^。；！？!?]{2,24}$/;
/** A collection's item marker: the page title with a number run on (……工作总结1) on its own line. */
const COLLECTION_ITEM = /^[^，。；\s]{2,40}(?:总结|报告|汇报|要点|方案|计划|材料|体会)\d{1,2}$/;
/** A second document's title joined to the page title by a bar (……总结|2020年……要点). */
const JOINED_TITLE = /[ \u3000]*[|｜][ \u3000]*[^|｜]{2,40}(?:总结|报告|汇报|要点|方案|计划)$/;
/**
 * A portal metadata row opening with its label, the label padded with spaces to align the table (索  引 号：,
 * 分  类：, 标      题：); its value may hold a ； (综合政务（其他）；其他).
 */
const SPACED_META = new RegExp(`^(?:${['索引号', '主题分类', '发文字号', '成文日期', '发布日期', '发文机关', '发布机构'].map((w) => w.split('').join('[ \\u3000]*')).join('|')}|分[ \\u3000]+类|标[ \\u3000]+题)[ \\u3000]*[：:]`);
/** Document-site facts: 37.5 KB, 10页, DOC, a file name as the page title (……报告.docx), 文档介绍 over the preview. */
const DOC_FACTS = /^(?:文档介绍|文档简介|资料简介|内容简介)$|^[-•·*]?\s*(?:\d+(?:\.\d+)?\s*[KMG]B\b|\d+\s*页\s*[|｜]?$|(?:DOC|DOCX|PDF|PPT)X?\s*$)|\.(?:docx?|pdf|wps|pptx?)\s*$/i;
/** A Markdown-like table row copied from a listing page: | 标题 | 日期 |, or a row of bare pipes. */
const TABLE_ROW = /^[|｜](?:[^|｜\n]*[|｜]){1,}\s*$|^[^|｜\n]{2,60}(?:\s*[|｜]\s*[^|｜\n]{0,40}){1,}\s*[|｜]\s*$/;
/** A table cell alone on its line holding a user tag or code (| cwl2, | admin_01). */
const CELL_TAG = /^[|｜][ \u3000]*[A-Za-z][A-Za-z0-9_.@-]{1,19}[ \u3000]*[|｜]?$/;
/** Site navigation: several short items between | or ｜. */
const NAV_BAR = /^(?:[^|｜\n]{1,12}[|｜]){3,}/;
/** 小编/网友 intros and reader notices; also a model's sign-offs. */
const INTRO = /小编|(?:下面|以下)(?:是|为)?(?:小编|网友|本站|笔者)?(?:为|给|帮)(?:您|你|大家)|(?:为|给)(?:您|你|大家)(?:整理|分享|推荐|收集|精选|带来)|供(?:大家|您|你)(?:参考|借鉴)|希望(?:对|能(?:够)?(?:帮助|对))(?:到)?(?:大家|您|你)|希望能帮助到(?:大家|您|你)|欢迎(?:大家)?(?:阅读|参考|借鉴|下载|收藏)|仅供(?:参考|学习|借鉴)|仅限(?:学习|参考)|本文旨在|范文/;
/** A site's greeting or reposting note: 您好，欢迎访问…, 欢迎光临, 本文由…整理, 感谢您的阅读. */
const GREETING = /您好[，,！!]?\s*欢迎|欢迎(?:您)?(?:访问|光临)|^欢迎(?:您)?来到|本文由[^，。；]{0,24}(?:整理|提供|发布|编辑|上传|收集)|(?:感谢|谢谢)(?:您|你)?的?(?:阅读|访问|浏览)/;
/** A speaker's own 供大家参考 after the points he offers (讲几点意见，供大家参考): the speech, not a site's intro. */
function offered(x: string): boolean {
  const m = INTRO.exec(x);
  return !!m && m[0].startsWith('供') && /(?:意见|体会|看法|想法|思考|建议|认识|要求)[，,、]?(?:仅)?$/.test(x.slice(Math.max(0, m.index - 10), m.index));
}
/** Collection titles and item markers: 15篇, 精选9篇, 篇一, 篇1, 【第一篇】, 总结一 run into the text. */
const COLLECTION = /^[^，。；]{0,40}(?:总结|报告|汇报|范文|材料|讲话|心得|体会)[^，。；]{0,6}(?:精选|优选|通用|汇编|合集)?\d{1,3}篇(?:[）)]|$)|[（(](?:精选|通用|优秀|优选|热门|最新|精品|实用|推荐|经典)?(?:\d{1,3}|[二三四五六七八九十]{1,3})篇[）)]|^\d{1,3}\s*篇(?=\s*(?:20\d{2}|[\u4e00-\u9fff]))|^\d{1,3}\s*篇$|篇[一二三四五六七八九十\d]{1,2}(?:[：:]|$)|^篇[一二三四五六七八九十\d]{1,2}|^第[一二三四五六七八九十\d]{1,3}篇(?:[：:]|\s|$)|^【(?:第?[一二三四五六七八九十\d]{1,3}篇|篇[一二三四五六七八九十\d]{1,2})】|^(?:总结|范文|汇报|报告)[一二三四五六七八九十](?![年个些次下是])|^[^，。；\d]{6,40}(?:报告|总结|汇报)[一二三四五六七八九十]{1,2}篇$/;
/** Word counts a site or a model appends: （3100字）, 全文约3000字, 字数：2800. */
const WORD_COUNT = /[（(](?:全文|正文)?(?:共|约)?约?\d{3,5}字[）)]|(?:全文|正文)约?\d{3,5}字|字数[：:]\s*\d+/;
/** Adverts, buttons, paywalls, preview cuts. */
const ADVERT = /此处隐藏\s*\d+\s*个?字|省略\s*\d+\s*个?字|(?:正式|VIP|vip)会员可(?:完整|全文)?阅读|隐藏了?\s*\d+\s*个?字|下载后(?:可)?(?:查看|阅读)|(?:剩余|还剩)\s*\d+\s*(?:个?字|页)(?:未读)?|试读(?:已)?结束|(?:VIP|会员)专(?:享|免)|侵权投诉|付费(?:下载|阅读|后)|预览(?:阅读)?(?:已)?结束|获取全文|扫码(?:联系|咨询|下载|获取|添加)|联系老师|定制代笔|代写|加入\s*vip|\bvip\b|立即下载|免费下载|下载本文|点击下载|购物车|我的足迹|手机阅读|阅读模式|快捷搜索|展开全文|阅读全文|收藏本文|相关推荐|相关文章|上一篇|下一篇|原创力文档|一经付费|本站(?:不|所有|规则)|侵权必究|版权归|来源[：:]\s*网络|网络整理|(?:网|站)(?:[（(][A-Za-z0-9.-]{4,40}[）)])?(?:收集整理|搜集整理|整理发布|编辑整理)|由会员(?:分享|上传)|可在线阅读|\d{1,3}页珍藏版|请在[^，。；\n]{1,12}上搜索|^(?:正文|全文)?(?:一键)?复制(?:正文|全文)?$|全部预览完了?|喜欢就下载|^合集下载$|^(?:本文)?目录导读[：:]?$|^内容预览[：:]?$|图片来源于?网络|如有侵权[，,]?(?:请)?联系(?:我们)?删除|^资源描述$|……略……|[（(]略[）)]|\.{4,}|👉|👈|共计\s*\d{3,6}\s*个?字|预计阅读(?:时长|时间)|(?:阅读|查看|浏览)(?:全部|完整|全文|更多)[^。！\n]{0,8}(?:需要|需|请)先?(?:登录|登陆|注册)|(?:登录|登陆)后(?:即可)?(?:阅读|查看|浏览)(?:全部|全文|完整)/i;
/**
 * A sharing site's numbered notice (- 1、下载前……, - 2、如有侵权……): a bulleted, numbered line that speaks of the
 * site's documents, downloads, service or rights — at least two such words, since a report's own list is about its work.
 */
// (A Markdown list renders the bullet as its own number: 1. 1、下载文档前……)
const SITE_NOTICE_LINE = /^(?:[-•·*]|\d{1,2}\.)\s*\d{1,2}[、.．]/;
const SITE_WORDS = /文档|下载|本站|平台|网站|客服|版权|侵权|权益|付费|退款|预览|上传|用户/g;
/** The message of a sharing site's download or copyright notice (doc.ts spreads it to the notice's other lines). */
export const NOTICE_MESSAGE = '文档分享网站的下载须知或版权声明残留';
/** Words only a sharing site's notice uses of its documents (a report on web work may say 网站, 平台, 用户). */
const SITE_ONLY = /下载|预览|客服|付费|退款|本站|上传/;
/** The heading of a site's notice block, or its service line (温馨提示：, 网站客服：QQ号). */
const NOTICE_HEAD = /^(?:温馨提示|下载须知|购买须知|下载说明|特别提醒|注意事项)[：:]?$|^(?:网站客服|在线客服|客服(?:QQ|电话|微信)?)[：:]\s*[\dA-Za-z-]{5,}$/;

/**
 * A line next to a download notice that belongs to it: the notice's heading, its service line, or another numbered
 * item about the site's documents. Only beside a notice already found (doc.ts spreads it), since an item about web
 * work in a report may name 网站 or 上传 too.
 */
export function noticeNeighbour(line: string): boolean {
  const t = line.trim();
  if (NOTICE_HEAD.test(t)) return true;
  return /^[-•·*]?\s*\d{1,2}[、.．]/.test(t) && t.length <= 120 && SITE_ONLY.test(t) && new Set(t.match(SITE_WORDS) ?? []).size >= 2;
}
/** The count a sharing site's cut names: 隐藏619个字, 剩余800字 (also 隐藏了, 还剩). */
const HIDDEN_COUNT = '(?:隐藏了?|剩余|还剩)\\s*\\d+\\s*个?字';
/** A notice that the site left text out here (省略458字, 此处隐藏619个字, 剩余800字未读): the one source for the rules. */
export const CUT_NOTICE = new RegExp(`(?:省略\\s*\\d+\\s*个?字|${HIDDEN_COUNT})`);
/** A paywall marker with the dots around it: ……此处隐藏619个字……, …剩余800字未读… (not 省略: see PAYWALL_NOTE). */
const PAYWALL_CUT = new RegExp(`[.…·\\s]*(?:此处(?=隐藏))?${HIDDEN_COUNT}(?:未读)?[，,]?(?:下载后(?:可)?(?:查看|阅读)(?:全文)?)?[.…·\\s]*`);

/** A site's bracketed notice inside a paragraph, with the dots around it: ……（某某网省略830字，正式会员可完整阅读）……. */
const PAYWALL_NOTE = /[.…·\s]*[（(【][^（）()【】\n]{0,40}?(?:省略|隐藏)\s*\d+\s*个?字[^（）()【】\n]{0,30}[）)】][.…·\s]*/;

/** Stray template headings: 引言, 摘要, 目录 on their own line. */
const TEMPLATE_HEAD = /^(?:引言|前言|摘要|正文|目\s*录|结语)[：:]?$/;
/** A writing guide's part label before its example text (过渡句：…, 开头：…, 结尾段：…): the label goes. */
const GUIDE_WORDS = '过渡句|过渡段|开头(?:语|段)|结尾(?:语|段)|导语|小标题|范例|例文|写作(?:要点|思路|提示)';
/** At a line's start the bare part names too (开头：, 结尾部分：, 主体部分：); after a sentence only the unmistakable ones. */
const GUIDE_LABEL = new RegExp(`^(?:${GUIDE_WORDS}|开头(?:部分)?|结尾(?:部分)?|主体部分|正文部分)[：:][ \\u3000]*`);
const GUIDE_LABEL_INLINE = new RegExp(`(?<=[。；！？])(?:${GUIDE_WORDS})[：:]`);
/** A photo's caption left on its own short line: 大会现场, 培训会现场图, 活动剪影. */
const SCENE_CAPTION = /^[\u4e00-\u9fff]{0,10}(?:现场|剪影|掠影)(?:图|照片|图片)?$/;
/** A blog's or account's clickbait title: a question that promises the answer (……为什么这么难写？读完这篇你就懂了). */
/** A sharing site's search-bait title over a sample (宣传部长述职报告怎么写？): a question about writing the genre. */
const HOW_TO_WRITE = /^[^。，；\n]{2,30}(?:怎么写|如何写|怎样写|写法)[？?]?$/;
/** A page title carrying the site's tag (……对策建议 【通用文档】, ……总结【精选】, ……综述_共7页). */
const SITE_TAG_TITLE = /^[^。；\n]{4,60}?(?:[ \u3000]*[【[](?:通用文档|精选|精品|范文|优秀范文|推荐|热门|最新|完整版|[Ww]ord版|可编辑|可下载|原创|荐|免费下载)[】\]]|_共\d{1,3}页)[ \u3000]*$/;
const CLICKBAIT = /[？?][^。\n]{0,24}(?:读完|看完|你就懂|就明白|一文读懂|建议收藏|赶紧收藏|必看|干货)/;
/** Chat-model leftovers. */
const MODEL = /^(?:好的|当然(?:可以)?|没问题)[，,！!。]|^(?:以下|下面)(?:是|为)(?:为您|给您|您)|如需(?:调整|修改|补充|进一步|扩展|精简)|(?:可|请)根据(?:实际|本单位|具体)(?:情况)?(?:进行)?(?:修改|调整|补充|填写)|(?:以上|本文)(?:内容)?(?:仅为|为)?(?:示例|参考)|^```|^(?:注|说明|备注)[：:].{0,40}(?:字数|字|替换|修改|填写|补充)/;
/**
 * A PDF page number glued to the start of a line: "2 及中央…", "1 XX街道…"; or a line of its own. Not a number that a
 * wrapped line carries over with its unit (12 日, 15 次).
 */
const PAGE_NUMBER = /^(?:[-—]\s*)?\d{1,3}(?:\s*[-—])?\s+(?=[\u4e00-\u9fffXx＊*])(?![日月年次个人名项条篇期场家余万亿元届天周时分号岁批件])|^\s*(?:[-—]\s*)?\d{1,3}(?:\s*[-—])?\s*$|^第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?\s*$|^第\s*\d{1,3}\s*页\s*[/，,]?\s*共\s*\d{1,3}\s*页\s*(?=\S)/;

const LEAD = /^[\s\u3000]*/;
/** Words of a page's info line and buttons; two distinct ones on a short unpunctuated line make it chrome. */
// A document site's buttons (收藏 分销（赏）) and a share bar's empty labels (王芳 分享 时间：) too.
const SITE_LINE_WORDS = /来源|作者|浏览|阅读量|阅读次数|点击量|点击数|发布时间|发布日期|时间[：:]|责任编辑|编辑|上一篇|下一篇|分享|打印|关闭|字号|扫一扫|点赞|评论|转发|收藏|分销|打赏|举报|纠错|返回顶部|二维码|微信|微博|QQ空间|朋友圈/g;

/** Words template sites hang on a title: 精选, 精编, 优选, 通用, 范文, 最新, 精品, 热门, 完整版, 汇编. */
export const DECO_WORD = '精选|精编|优选|通用|范文|范本|最新|精品|热门|推荐|完整版|word版|可编辑|汇编|大全|合集';
/** …报告（通用5篇）, …报告【精选】, …报告精编, …总结范文 at the end; 【精品】, 最新 at the start. */
// A collection's count alone (……实施办法【4篇】, ……总结4篇) or its item number (……报告【第一篇】) is the site's decoration too.
const DECO_END = new RegExp(`(?:[（(【\\[]\\s*(?:${DECO_WORD})[^（）()【】\\[\\]]{0,8}[）)】\\]]|[-_—·\\s]*(?:${DECO_WORD})(?:版|范例|\\d{1,2}篇)?|[（(【\\[]\\s*第?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*篇\\s*[）)】\\]]|(?<=报告|总结|汇报|办法|材料|计划|方案)\\d{1,2}篇)$`, 'i');
const DECO_START = new RegExp(`^(?:【[^】]{1,10}】|(?:${DECO_WORD})(?=[\\u4e00-\\u9fff0-9]))`, 'i');
/** Stripped for comparing a decorated page title with the title proper. */
export function undecorated(title: string): string {
  return title.replace(DECO_END, '').replace(DECO_START, '');
}

/** A decoration between a title's two parts (……工作总结范文及工作计划). */
const DECO_MID = /(?<=总结|报告|汇报|材料)(?:范文|精选|精编|优选)(?=及|和|与)/;

/** A decoration on a title line (offsets inside the trimmed line), or null. */
export function titleDecoration(t: string): { start: number; end: number } | null {
  const mid = DECO_MID.exec(t);
  if (mid) return { start: mid.index, end: mid.index + mid[0].length };
  const e = DECO_END.exec(t);
  if (e && e.index > 4) return { start: e.index, end: t.length };
  const s = DECO_START.exec(t);
  if (s && s[0].length < t.length - 4) return { start: 0, end: s[0].length };
  return null;
}

// (Or a bare item number glued between the title and the text's first words: ……述职报告1尊敬的领导：.)
const GLUED_PIECE = /(?<=(?:总结|报告|汇报|材料|范文|发言|讲话)(?:精选|范文)?)(?:篇[一二三四五六七八九十\d]{1,2}(?=[\u4e00-\u9fff])(?![年个些次是])|[1-9](?=尊敬的|各位|同志们|今年|近年来|一年来|本人|我[校局院镇乡县区市村司部]|[一二三四五六七八九十]、))/;
/**
 * Chrome glued to a line of prose: a news dateline opening it (【本站讯】, 本报讯（记者 …）), an image's export name
 * or a hash run into it, a photo count after its sentence. Offsets inside the line. Unlike chromeOf's hits these
 * leave the line prose, so the rules that skip chrome lines (numbers, duplicates, evidence) still read its text.
 */
export function inlineChrome(line: string, opts: { title?: boolean } = {}): ChromeHit[] {
  const out: ChromeHit[] = [];
  // Most report lines hold none of these: no pattern below is tried on them.
  if (!/讯|张|篇|标题|过渡|开头|结尾|导语|范例|例文|写作|微信|截图|QQ图片|[A-Za-z]|[结告报料话言][1-9]/.test(line)) return out;
  const lead = LEAD.exec(line)![0].length;
  const t = line.slice(lead).replace(/[\s\u3000]+$/, '');
  if (!t) return out;
  const at = (m: RegExpExecArray, message: string) => out.push({ kind: 'meta', start: lead + m.index, end: lead + m.index + m[0].length, message });
  const dateline = opts.title || !t.includes('讯') ? null : DATELINE.exec(t);
  if (dateline && dateline[0].trim().length < t.length) at(dateline, `新闻稿的电头“${dateline[0].trim()}”残留`);
  const latin = /[A-Za-z]/.test(t);
  const photo = latin ? (EXPORT_NAME.exec(t) ?? HEX_GLUED.exec(t)) : /微信|截图|QQ图片/.test(t) ? EXPORT_NAME.exec(t) : null;
  if (photo && photo[0].length < t.length) at(photo, '网页图片的文件名残留');
  // A forum's or a print view's field label before the title it names (标题： 关于……的报告): the label goes, the title stays.
  const field = t.startsWith('标题') ? /^标题[：:][ \u3000]*(?=\S{4,})/.exec(t) : null;
  if (field) at(field, '网页的字段名“标题：”残留');
  // A writing guide's label after a sentence of its example text (……往实里走。过渡句：紧扣……).
  const guide = /[：:]/.test(t) ? GUIDE_LABEL_INLINE.exec(t) : null;
  if (guide) at(guide, `写作模板的标签“${guide[0]}”残留`);
  // A collection's 篇N glued between a title and the text it opens (……总结报告篇1今年以来).
  const piece = t.includes('篇') || /[结告报料话言][1-9]/.test(t) ? GLUED_PIECE.exec(t) : null;
  if (piece) at(piece, `网站合集的篇目标记“${piece[0]}”残留`);
  const count = t.includes('张') ? PHOTO_COUNT.exec(t) : null;
  if (count && count[0].length < t.length) at(count, '新闻网页的图片数量标注残留');
  return out;
}

/**
 * A table row pasted as text: cells set apart by tabs, or three or more short cells set apart by runs of two or more
 * spaces, with no full stop. Its spaces and leading row number are the table's, not slips.
 */
export function isTableRow(line: string): boolean {
  const t = line.trim();
  if (!t || /[。；！？]/.test(t)) return false;
  if (/\S\t+\S/.test(t)) return true;
  const cells = t.split(/[ \u3000\u00a0]{2,}/);
  return cells.length >= 3 && cells.every((c) => c.length <= 20);
}

/**
 * Chrome on one line, or null: the whole line (offsets past its indent), or only the chrome inside it (a dateline,
 * a paywall marker, an image name glued to the text). A line with several cues is one hit (one defect).
 * `title` marks a line placed like a title: a title's decorations are read, body-only families are not.
 */
export function chromeOf(line: string, opts: { title?: boolean } = {}): ChromeHit | null {
  const lead = LEAD.exec(line)![0].length;
  const t = line.slice(lead).replace(/[\s\u3000]+$/, '');
  if (!t) return null;
  const whole = (kind: ChromeKind, message: string): ChromeHit => ({ kind, start: lead, end: lead + t.length, message });
  // A site's column name alone on its line above the page (医院动态, 工作动态, 通知公告).
  if (COLUMN_NAME.test(t)) return whole('breadcrumb', `网站栏目名称“${t}”残留`);
  // Leaked markup alone on its line, a list number or bullet before it (1. <blockquote …>…): the page's code.
  if (TAGS_ONLY.test(t)) return whole('meta', '网页 HTML 代码残留');
  if (BREADCRUMB.test(t) || SITE_HOME.test(t)) return whole('breadcrumb', '网页导航（面包屑）残留');
  if (IMAGE_FILE.test(t) || HEX_HASH.test(t)) return whole('meta', '网页图片的文件名残留');
  if (PREVIEW_CAPTION.test(t)) return whole('meta', '文档分享网站的预览页标题残留');
  // Glued to prose, these three families are inlineChrome's: the line stays prose for the other rules.
  const photo = t.length <= 60 ? EXPORT_NAME.exec(t) : null;
  if (photo && photo[0].length === t.length) return whole('meta', '网页图片的文件名残留');
  const spam = GAMBLING.exec(t);
  // A report on the fight against gambling names the platforms it shut down.
  if (spam && !/赌博|博彩|诈骗|打击|整治|查处|取缔|涉赌/.test(t)) {
    // A short line without a sentence is the injected link's text as a whole; inside prose only the spam words.
    if (t.length <= 40 && !/[。；！？]/.test(t)) return whole('meta', '网页被植入的博彩广告残留');
    return { kind: 'meta', start: lead + spam.index, end: lead + spam.index + spam[0].length, message: '网页被植入的博彩广告残留' };
  }
  const dateline = opts.title ? null : DATELINE.exec(t);
  if (dateline && dateline[0].trim().length === t.length) return whole('meta', `新闻稿的电头“${t}”残留`);
  const count = PHOTO_COUNT.exec(t);
  if (count && count[0].length === t.length) return whole('meta', '新闻网页的图片数量标注残留');
  if (CAPTION.test(t) && t.length <= 80) return whole('meta', '新闻网页的图片说明（“图为……”）残留');
  // A news photo's caption and credit under the title (省长作政府工作报告。本报记者 某某摄).
  if (t.length <= 60 && PHOTO_CREDIT.test(t)) return whole('meta', '新闻网页的图片说明和摄影署名残留');
  // A link to a topic page (》》点击图片进入专题《《, 点击查看全文>>): the page's own navigation.
  if (t.length <= 30 && /^[》>»《<«\s]*点击(?:图片|这里|此处|链接)?(?:进入|查看|阅读|浏览|了解)(?:专题|全文|详情|原文|更多)?[》>»《<«\s]*$/.test(t)) return whole('meta', '网页的链接提示（点击进入专题等）残留');
  // A page's timestamp with its time of day (2026年02月10日 07时41分): a report's own date line has no time.
  if (/^20\d{2}年\d{1,2}月\d{1,2}日[ \u3000]*\d{1,2}(?:时\d{1,2}分|:\d{2}(?::\d{2})?)$/.test(t)) return whole('meta', '网页信息行（来源、时间、阅读量、导航等）残留');
  // A metadata label whose value the copy put on the next line (时间：).
  if (/^(?:时间|日期|发布|来源|作者)[：:]$/.test(t)) return whole('meta', '网页信息行（来源、时间、阅读量、导航等）残留');
  if (!opts.title && t.length <= 40 && BYLINE.test(t)) return whole('meta', '新闻稿或公众号文章的署名、供稿信息残留');
  if (ACCOUNT_PROMPT.test(t)) return whole('advert', '公众号文章的关注提示或结束标记残留');
  if (COUNTERS.test(t)) return whole('meta', '网页的阅读量、点赞数等计数残留');
  const forumTag = FORUM_TAG.exec(t);
  if (forumTag) return { kind: 'meta', start: lead, end: lead + forumTag[0].length, message: `论坛的分类标签“${forumTag[0].trim()}”残留` };
  const code = COLUMN_CODE.exec(t);
  if (code) return { kind: 'meta', start: lead, end: lead + code[0].length, message: '网站栏目编号残留' };
  const tag = LIST_TAG.exec(t);
  if (tag) return { kind: 'meta', start: lead + tag.index, end: lead + tag.index + tag[0].length, message: '网页列表的栏目标签残留' };
  if ((PORTAL_META.test(t) && !/[。；]/.test(t) && t.length <= 120) || (PORTAL_BAR.test(t) && t.length <= 60) || (SPACED_META.test(t) && !/。/.test(t) && t.length <= 120)) {
    return whole('meta', '政府网站页面的信息栏（索引号、发布机构、成文日期、登录注册、字号等）残留');
  }
  if (PORTAL_FOOTER.test(t) || (ACCOUNT_BAR.test(t) && t.length <= 40)) return whole('meta', '网站的分享、打印、登录栏残留');
  // A table's cell border left after the last sentence (……发展。 |).
  const pipe = /(?<=[。！？”])[ \u3000]*[|｜]+$/.exec(t);
  if (pipe && t.length > 10) return { kind: 'meta', start: lead + pipe.index, end: lead + t.length, message: '网页表格的边框线“|”残留' };
  if (SITE_FOOTER.test(t) && !/[。；]/.test(t)) return whole('meta', '网站页脚（主办单位、版权、备案号等）残留');
  if (SITE_SLOGAN.test(t) || SITE_BANNER.test(t) || SITE_DECOR.test(t) || SITE_TAB_TITLE.test(t)) return whole('intro', '网站名称和宣传语残留');
  if (OUTLINE_BOX.test(t)) return whole('meta', '网站自动生成的提纲或导读框残留');
  if (COLLECTION_ITEM.test(t)) return whole('collection', '网站合集的篇目标记（标题后加序号）残留');
  if (CELL_TAG.test(t)) return whole('meta', '网页表格单元格（作者、用户名等）残留');
  if (TABLE_ROW.test(t) && (opts.title || TIMESTAMP.test(t) || /^[|｜\s]*$/.test(t.replace(/[-—:：\s]/g, '')) || /(?:报告|汇报|总结|计划|要点|方案)\s*[|｜]/.test(t))) {
    return whole('meta', '网页表格行（标题、日期等）残留');
  }
  if (META_LABEL.test(t) || (TIMESTAMP.test(t) && t.length <= 60 && !/[。；]/.test(t)) || DOC_FACTS.test(t) || (NAV_BAR.test(t) && t.length <= 80)) {
    return whole('meta', '网页信息行（来源、时间、阅读量、导航等）残留');
  }
  if (SITE_NOTICE_LINE.test(t) && new Set(t.match(SITE_WORDS) ?? []).size >= 2) return whole('advert', NOTICE_MESSAGE);
  // The same notice as a labelled line (版权说明：本文档由用户提供并上传……): about this page's document, not the unit's work.
  if (t.length <= 160 && /^(?:版权说明|版权声明|免责声明|温馨提示|特别声明)[：:]|本文档由|本站(?:仅|只|不)/.test(t) && new Set(t.match(SITE_WORDS) ?? []).size >= 2) return whole('advert', NOTICE_MESSAGE);
  const ad = ADVERT.exec(t);
  if (ad) {
    // In a long paragraph only the marker itself (……略……, ......) is chrome.
    if (t.length > 80 && /^(?:……略……|[（(]略[）)]|\.{4,}|👉|👈)$/u.test(ad[0])) return { kind: 'advert', start: lead + ad.index, end: lead + ad.index + ad[0].length, message: '网页省略或预览截断标记残留，此处内容不完整' };
    // A document-sharing site's paywall cut inside a paragraph (……此处隐藏619个字……): only the marker, with its dots.
    const cut = t.length > 60 ? PAYWALL_CUT.exec(t) : null;
    if (cut) return { kind: 'advert', start: lead + cut.index, end: lead + cut.index + cut[0].length, message: '文档分享网站的付费隐藏标记残留，此处缺了一段内容（下载后才可见）' };
    // A bracketed site notice inside a long paragraph (……（某网省略830字，会员可阅读）……): only the notice.
    const notice = t.length > 80 && /[。；]/.test(t) ? PAYWALL_NOTE.exec(t) : null;
    if (notice) return { kind: 'advert', start: lead + notice.index, end: lead + notice.index + notice[0].length, message: '文档分享网站的付费隐藏说明残留，此处缺了一段内容' };
    // A notice that closes a long paragraph of the report (……全文约9283字，请下载后阅读。（……请先登录！）): from the
    // clause it starts in to the line's end; the report's sentences before it stay.
    const tail = t.length > 80 ? /(?:全文|本文)(?:约|共)?\d+字|请?下载后(?:阅读|查看)/.exec(t) : null;
    if (tail && tail.index >= 20 && tail.index <= ad.index) return { kind: 'advert', start: lead + tail.index, end: lead + t.length, message: '文档分享网站的下载或登录提示残留，正文在此中断' };
    return whole('advert', '网页广告、下载或预览提示残留');
  }
  if (MODEL.test(t)) return whole('model', '疑为复制大模型回答时带入的说明文字');
  if (GREETING.test(t)) return whole('intro', '网站的欢迎语或转载说明残留');
  // 范文 closing a line, or closing a title that the body follows after a space, is a title decoration (below);
  // 范文 alone does not make a long paragraph an intro: a PDF copy puts the decorated title and the body on one line.
  const intro = t.replace(/范文(?=$|[\s\u3000]+[^\s\u3000]|及|和|与)/g, '');
  if (INTRO.test(intro) && !offered(intro) && (intro.length <= 150 || INTRO.test(intro.replace(/范文/g, '')))) return whole('intro', '网站的导语或推荐语（“小编”“供参考”等）残留');
  if (WORD_COUNT.test(t)) {
    const m = WORD_COUNT.exec(t)!;
    return { kind: 'collection', start: lead + m.index, end: lead + m.index + m[0].length, message: '网页或模型附加的字数说明残留' };
  }
  if (COLLECTION.test(t)) return whole('collection', '网站的合集标题或篇目标记（“N篇”“篇一”）残留');
  if (TEMPLATE_HEAD.test(t)) return whole('template', `模板小标题“${t}”残留`);
  const guide = GUIDE_LABEL.exec(t);
  if (guide) return guide[0].length >= t.length ? whole('template', `写作模板的标签“${t}”残留`) : { kind: 'template', start: lead, end: lead + guide[0].trimEnd().length, message: `写作模板的标签“${guide[0].trim()}”残留` };
  if (SCENE_CAPTION.test(t)) return whole('meta', `新闻网页的图片说明“${t}”残留`);
  if (CLICKBAIT.test(t) && !/。/.test(t)) return whole('meta', '博客或公众号的引流标题残留');
  if (HOW_TO_WRITE.test(t)) return whole('meta', '范文网站的搜索引流标题（“……怎么写”）残留');
  if (SITE_TAG_TITLE.test(t)) return whole('meta', '网页标题（带网站标签）残留');
  const p = PAGE_NUMBER.exec(t);
  // A page counter (第1页共4页) is the site's, also where the title follows it on the line.
  if (p && (!opts.title || /^第/.test(p[0])) && !isTableRow(t)) {
    const num = p[0].replace(/\s+$/, '');
    return { kind: 'pagenum', start: lead, end: lead + (/^\s*\d/.test(t) && t.trim() === num ? t.length : num.length), message: '疑为 PDF 页码' };
  }
  // Chrome by line features, not by site: a short line without sentence marks holding two or more site words
  // (来源 作者 浏览 分享 打印 关闭 字号 扫一扫 上一篇 …), whatever the site's wording around them.
  if (!opts.title && t.length <= 40 && !/[。，；！？]/.test(t) && !/^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])/.test(t)) {
    const words = new Set(t.match(SITE_LINE_WORDS) ?? []);
    if (words.size >= 2) return whole('meta', '网页信息行或功能按钮（来源、浏览、分享、打印、字号等）残留');
  }
  if (!opts.title) {
    // A listing page's cut-short excerpt, a portal's navigation set apart by spaces, a line that is no prose at all.
    if (/\.{3}|。{3}|…/.test(t) && ((TEASER.test(t) && TEASER_OPEN.test(t)) || TEASER_LINKED.test(t))) return whole('meta', '网页列表的文章摘要（以省略号截断）残留');
    const items = t.split(/[ \u3000]+/);
    if (items.length >= 3 && items.filter((w) => NAV_ITEM.test(w)).length >= 2) return whole('breadcrumb', '网站导航栏残留');
    if (notProse(t)) return whole('meta', `非正文的字符行“${t.length > 20 ? `${t.slice(0, 20)}…` : t}”残留`);
  }
  // A title line: another document's title joined by |, a site's decoration, a variant number （2）, a column tag _……
  if (opts.title) {
    const joined = JOINED_TITLE.exec(t);
    if (joined && joined.index > 4 && !/[：:]/.test(t)) return { kind: 'collection', start: lead + joined.index, end: lead + t.length, message: '页面标题后用“|”接上了另一篇文章的标题' };
    const deco = titleDecoration(t);
    if (deco) return { kind: 'collection', start: lead + deco.start, end: lead + deco.end, message: `标题上的网站修饰词“${t.slice(deco.start, deco.end)}”残留（范文网站的标题写法）` };
    const v = /[（(]\d{1,2}[）)]$/.exec(t);
    if (v) return { kind: 'collection', start: lead + v.index, end: lead + t.length, message: '标题后的网站版本编号残留' };
    const tag = /_[\u4e00-\u9fff]{2,16}$/.exec(t);
    if (tag) return { kind: 'collection', start: lead + tag.index, end: lead + t.length, message: '网页标题的栏目标签残留' };
  }
  return null;
}

/** One item of a portal page's toolbar when the copy puts each on its own line (下载 / 打印 / 【字号： / 加大 / 】). */
const TOOLBAR_ITEM = /^(?:[【[]?[ \u3000]*(?:下载|打印|全屏|收藏|分享(?:到)?|字号|字体|加大|还原|减小|放大|缩小|默认|[大中小]|关闭(?:窗口)?|返回顶部|打印本页|纠错|朗读)[ \u3000]*[：:]?[ \u3000]*[】\]]?|[【】[\]])$/;
const TOOLBAR_WORD = /下载|打印|全屏|收藏|分享|字号|字体|加大|还原|减小|放大|缩小|关闭|朗读/g;
/** A breadcrumb's separator alone on its line, and the home link that opens it. */
const CRUMB_SEP = /^(?:>{1,2}|＞|»|›|->|→)$/;
const CRUMB_HOME = /^(?:首页|网站首页|主页|当前位置[：:]?|您的位置[：:]?|您现在的位置[：:]?)$/;

/**
 * A portal's toolbar or breadcrumb that the copy broke into one item per line: three or more toolbar lines with two
 * different words among them, or a home link followed by items and separators (首页 / > / 政府信息公开 / > / …).
 * A single such word on its own line stays prose's business (a heading 下载 would be odd, 首页 alone is not chrome).
 */
export function itemRuns(lines: readonly { index: number; text: string }[], chrome: ReadonlyMap<number, unknown>): { index: number; kind: 'meta' | 'breadcrumb' }[] {
  const out: { index: number; kind: 'meta' | 'breadcrumb' }[] = [];
  for (let k = 0; k < lines.length; ) {
    let j = k;
    while (j < lines.length && TOOLBAR_ITEM.test(lines[j]!.text.trim())) j++;
    const run = lines.slice(k, j).map((l) => l.text.trim());
    const words = new Set(run.flatMap((l) => l.match(TOOLBAR_WORD) ?? []));
    // (Or a font-size control alone: 【字体： / 大 / 中 / 小 / 】.)
    const sizes = run.some((l) => /字[号体]/.test(l)) && run.filter((l) => /^[大中小]$/.test(l)).length >= 2;
    if (j - k >= 3 && (words.size >= 2 || sizes)) {
      for (let i = k; i < j; i++) out.push({ index: lines[i]!.index, kind: 'meta' });
      k = j;
      continue;
    }
    if (CRUMB_HOME.test(lines[k]!.text.trim())) {
      // Items alternate with separators; the crumb ends at the last item after a separator.
      let end = k;
      let seps = 0;
      for (let i = k + 1; i + 1 < lines.length && CRUMB_SEP.test(lines[i]!.text.trim()) && lines[i + 1]!.text.trim().length <= 16 && !/[。；，]/.test(lines[i + 1]!.text); i += 2) {
        seps++;
        end = i + 1;
      }
      if (seps >= 2) {
        for (let i = k; i <= end; i++) if (!chrome.has(lines[i]!.index)) out.push({ index: lines[i]!.index, kind: 'breadcrumb' });
        k = end + 1;
        continue;
      }
    }
    k = Math.max(j, k + 1);
  }
  return out;
}

/** The head of a page's list of related links (相关链接>>, 相关阅读, 延伸阅读). */
const RELATED_HEAD = /^(?:相关(?:链接|附件|阅读|新闻|文章|报道|稿件|专题)|延伸阅读|推荐阅读|热点推荐|往期回顾|更多阅读)[ \u3000]*(?:[：:]|>{1,2}|》{1,2})?$/;

/**
 * A page's related-links list: its head and the link lines after it (titles without a full stop, link ids), up to
 * twelve lines or the first line of prose.
 */
export function relatedLinks(lines: readonly { index: number; text: string }[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!RELATED_HEAD.test(lines[k]!.text.trim())) continue;
    out.push(lines[k]!.index);
    let j = k + 1;
    for (; j < lines.length && j <= k + 12; j++) {
      const x = lines[j]!.text.trim();
      if (RELATED_HEAD.test(x)) {
        out.push(lines[j]!.index);
        continue;
      }
      if (x.length > 60 || /[。；！？]$/.test(x) || /^(?:各位代表|同志们)/.test(x)) break;
      out.push(lines[j]!.index);
    }
    k = j - 1;
  }
  return out;
}
