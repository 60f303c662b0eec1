/**
 * A model fake that answers the way real models do, for tests that drive the bot
 * through the real openai SDK over HTTP (test/support/fake-openai.ts). Each answer is
 * a clean report text (built from the prompt: title, skeleton, target, original
 * text) wrapped in one real model's chat habits:
 *
 * - markdown:  GPT-4o-mini / Qwen-chat style: # headings, each paragraph's lead sentence in bold
 *              as `**……。**下文` (CommonMark leaves that unclosed without CJK-friendly parsing),
 *              bullets, a rule and a friendly closer.
 * - chatty:    DeepSeek-chat style: a preamble glued onto the first line, a run-in bold heading
 *              `**（一）标题：**正文`, “> 提示：”, “*注：*” followed by “希望对您有所帮助！”,
 *              “修改说明：1.… 2.…” after a revision, “（本部分约N字）”, a closing offer.
 * - think:     a reasoning model served by Ollama: a whole <think>…</think> block in the content,
 *              `__一、……__` headings, `<u>` around placeholders.
 * - reasoning: DeepSeek-reasoner / vLLM with a reasoning parser: reasoning_content deltas,
 *              then a “以下是…：” lead-in, `<br>` between sentences and a Markdown table.
 * - headings:  Qwen style: 第一部分：, （一）、, 1、, “1. **…**：” at level 2, full-width ＊＊bold＊＊,
 *              half-width quotes and commas, a table, “以上内容仅供参考。”
 *
 * Seven answer kinds (outline, section, expand, condense, rewrite, full part, critique)
 * plus free chat, × five styles. Chunks are cut inside markup tokens (fake-openai.ts
 * `messyChunks`). `CHAT_TEXT` lists what must never reach a card's final text, the
 * stored thread state or the Word file.
 */
import { THEMES } from '../../src/report/themes.js';
import { messyChunks, type FakeHandler, type FakeReply, type FakeRequestBody } from './fake-openai.js';

export const STYLES = ['markdown', 'chatty', 'think', 'reasoning', 'headings'] as const;
export type ModelStyle = (typeof STYLES)[number];
export type AnswerKind = 'outline' | 'section' | 'expand' | 'condense' | 'rewrite' | 'full' | 'critique';

/** Chat text the styles add; none of it may survive cleaning. */
export const CHAT_TEXT: readonly string[] = [
  '好的', '以下是', '为您', '供参考', '随时告诉我', '希望以上', '提示：', '注：', '修改说明', '本部分约', '推理草稿',
  '<think>', '</think>', '**', '##', '|', '---', '第一部分：', '（一）、', '1、', '"', '如需调整', '起草思路',
  '当然可以', '希望对您有所帮助', '＊', '__', '<br', '<u>', '</u>', '#',
];

/** A sentence only an expansion writes, per role: the export must hold it after 写全文. */
export const EXPANSION_MARK: Record<Role, string> = {
  practice: '在此基础上，推行任务、责任、时限“三明确”的清单化管理',
  problems: '从近期调研情况看，部分基层单位对上级部署的传达学习仍停留在会议层面',
  plans: '每季度由分管领导听取一次专项汇报，对进度滞后的事项实行挂牌督办',
};

type Role = 'practice' | 'problems' | 'plans';

// ---- prompt reading ------------------------------------------------------------

const lastUser = (b: FakeRequestBody) => [...b.messages].reverse().find((m) => m.role === 'user')!.content;
const firstUser = (b: FakeRequestBody) => b.messages.find((m) => m.role === 'user')!.content;

/** The lines after `label` (its own line) up to the next blank line. */
function block(prompt: string, label: string): string[] {
  const at = prompt.indexOf(label);
  if (at < 0) return [];
  const rest = prompt.slice(at + label.length).replace(/^[^\n]*\n/, '');
  return rest.split('\n\n')[0]!.split('\n').filter(Boolean);
}
const inline = (prompt: string, label: string) => new RegExp(`${label}([^\\n]*)`).exec(prompt)?.[1]?.trim() ?? '';
const between = (prompt: string, from: string, to: string) => {
  const a = prompt.indexOf(from);
  if (a < 0) return '';
  const b = prompt.indexOf(to, a + from.length);
  return prompt.slice(a + from.length, b < 0 ? undefined : b);
};

export function answerKind(b: FakeRequestBody): AnswerKind | 'repair' | 'chat' {
  const p = lastUser(b);
  if (p.includes('逐条修正')) return 'repair';
  if (p.startsWith('请为下面的写作需求拟一份报告提纲')) return 'outline';
  if (p.startsWith('请根据已确定的提纲')) return 'section';
  if (p.startsWith('请按已确定的提纲起草报告正文')) return 'full';
  if (p.startsWith('请修改报告中的一节正文')) return /展开充实/.test(p) ? 'expand' : /精简压缩/.test(p) ? 'condense' : 'rewrite';
  if (p.includes('资深公文审稿人')) return 'critique';
  return 'chat';
}

const roleOf = (text: string): Role => (/只写问题|问题的具体表现/.test(text) ? 'problems' : /措施：做什么|谁负责/.test(text) ? 'plans' : 'practice');

// ---- clean report text -----------------------------------------------------------

type Line = { kind: 'title' | 'opening' | 'h1' | 'h2' | 'point' | 'body'; text: string; n?: number };

const CN = '一二三四五六七八九十';

// Body sentences by role; a section takes two, offset by its number, so no two sections repeat.
const BODY: Record<Role, readonly string[]> = {
  practice: [
    '坚持把这项工作摆上重要日程，定期分析研判，及时研究解决工作中的重点问题',
    '建立工作台账，明确责任分工和完成时限，推动各项任务逐项落地',
    '把相关要求融入日常管理和考核评价，做到与业务工作同部署、同检查',
    '加强督促检查，对发现的问题及时提醒纠正，形成闭环管理',
    '注重总结提炼经验做法，以点带面推动整体工作提升',
    '统筹用好线上线下各类平台，扩大正面宣传的覆盖面',
    '组织业务骨干开展交流研讨，提升干部职工的能力素质',
    '完善内容审核和报备流程，把好政治关、导向关',
    '主动对接上级部门，及时争取业务指导和工作支持',
    '依托主题党日等载体开展形式多样的活动，增强工作吸引力',
    '畅通干部群众意见反映渠道，及时回应关切、化解矛盾',
    '健全信息报送机制，重要情况做到第一时间掌握、第一时间报告',
  ],
  problems: [
    '个别同志对这项工作的认识还不够到位，存在重业务、轻思想的倾向',
    '工作推进中存在上热下冷现象，基层落实的主动性还不够强',
    '分析研判的前瞻性不足，对苗头性问题发现还不够及时',
    '制度执行的刚性不够，日常监督检查还有薄弱环节',
    '工作方式方法相对传统，创新意识和运用新媒体的能力有待提高',
    '相关工作经费和人员保障还不够充足，专业化水平有待提升',
  ],
  plans: [
    '进一步细化责任清单，由【待补充：牵头部门】牵头抓好落实',
    '完善定期研判和专题报告制度，于【待补充：时间节点】前形成工作闭环',
    '加强对基层单位的指导督促，把落实情况纳入年度考核',
    '持续开展业务培训，提升干部队伍做好本职工作的本领',
    '健全跟踪问效机制，对整改事项逐项销号管理',
    '加强与上级部门和兄弟单位的交流，借鉴推广成熟经验',
  ],
};

function sectionBody(role: Role, partNo: number, sectionNo: number): string {
  const pool = BODY[role];
  const i = ((partNo - 1) * 5 + (sectionNo - 1) * 2) % pool.length;
  const picks = [pool[i]!, pool[(i + 1) % pool.length]!];
  if (role === 'practice') return `一是${picks[0]}。二是${picks[1]}。【待补充：本节具体数据和典型事例】。`;
  if (role === 'problems') return `${picks[0]}。${picks[1]}。具体表现在【待补充：典型事例】。`;
  return `${picks[0]}。${picks[1]}。`;
}

function outlineLines(b: FakeRequestBody): Line[] {
  const p = firstUser(b);
  const title = block(p, '标题（照此使用')[0] ?? '关于落实意识形态工作责任制情况的报告';
  const opening = block(p, '开头段写法参考')[0] ?? '现将有关情况报告如下：';
  const skeleton = block(p, '正文结构').map((l) => l.replace(/（二级标题.*$/, '').replace(/^[一二三四五六]、/, ''));
  const facts = block(p, '用户提供的事实').filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, ''));
  const lines: Line[] = [{ kind: 'title', text: title }, { kind: 'opening', text: opening }];
  const themes = THEMES.slice(0, 4);
  skeleton.forEach((h, i) => {
    lines.push({ kind: 'h1', text: h, n: i + 1 });
    const list = i === 0 ? themes : themes.slice(0, 3);
    list.forEach((t, j) => {
      const heading = i === 0 ? t.heading : i === 1 ? t.problem.heading : t.measure.heading;
      lines.push({ kind: 'h2', text: heading, n: j + 1 });
      const points = i === 0 ? [t.points[1]!, j === 0 && facts[0] ? facts[0] : `【待补充：${t.factSlots[0]!}】`] : [i === 1 ? t.problem.detail : t.measure.detail];
      points.forEach((pt, k) => lines.push({ kind: 'point', text: pt.replace(/党组（党委）/g, '局党组'), n: k + 1 }));
    });
  });
  return lines;
}

/** The sections of part `partLabel` in the outline the prompt carries. */
function sectionsOf(prompt: string, partLabel: string): string[] {
  const outline = between(prompt, '报告提纲：\n', '\n\n本次起草');
  const lines = outline.split('\n');
  const at = lines.findIndex((l) => l.trim() === partLabel.trim());
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (/^[一二三四五六七八九十]、/.test(l)) break;
    const m = /^（[一二三四五六七八九十]）(.+)$/.exec(l);
    if (m) out.push(m[1]!);
  }
  return out;
}

const partNoOf = (label: string) => Math.max(1, CN.indexOf(label.trim()[0] ?? '一') + 1);

function fullLines(b: FakeRequestBody): Line[] {
  const p = lastUser(b);
  const part = inline(p, '本次起草：');
  const role = roleOf(inline(p, '本部分写法：'));
  const heads = sectionsOf(p, part);
  const partNo = partNoOf(part);
  const lines: Line[] = [{ kind: 'h1', text: part.replace(/^[一二三四五六七八九十]、/, ''), n: partNo }];
  heads.forEach((h, j) => lines.push({ kind: 'h2', text: h, n: j + 1 }, { kind: 'body', text: sectionBody(role, partNo, j + 1) }));
  return lines;
}

function sectionText(b: FakeRequestBody): { role: Role; heading: string; body: string; part: string; no: string } {
  const p = lastUser(b);
  const target = inline(p, '本次起草：');
  const role = roleOf(inline(p, '本节写法：'));
  const m = /^([一二三四五六七八九十])、(\S+)(?:\s+（([一二三四五六七八九十])）(.+))?$/.exec(target);
  const partNo = m ? CN.indexOf(m[1]!) + 1 : 1;
  const secNo = m?.[3] ? CN.indexOf(m[3]) + 1 : 1;
  return { role, heading: m?.[4] ?? m?.[2] ?? target, part: m?.[2] ?? '', no: CN[secNo - 1]!, body: sectionBody(role, partNo, secNo) };
}

function reviseText(b: FakeRequestBody, kind: 'expand' | 'condense' | 'rewrite'): { role: Role; body: string } {
  const p = lastUser(b);
  const original = between(p, '原文：\n', '\n\n用户提供的事实').trim();
  const role = roleOf(inline(p, '修改要求：').replace('展开充实：补充问题', '只写问题'));
  const sentences = original.match(/[^。！？]+[。！？]?/g) ?? [original];
  if (kind === 'condense') return { role, body: sentences.slice(0, Math.max(1, sentences.length - 1)).join('') };
  if (kind === 'rewrite') return { role, body: [...sentences].reverse().join('') };
  const extra = role === 'problems'
    ? `${EXPANSION_MARK.problems}，结合实际研究部署还不够深入。究其原因，主要是【待补充：思想认识和工作机制方面的原因】。`
    : role === 'plans'
      ? `${EXPANSION_MARK.plans}，确保各项措施按期落实。`
      : `${EXPANSION_MARK.practice}，取得了【待补充：具体成效】。`;
  return { role, body: `${original}${extra}` };
}

const CRITIQUE_CORE = [
  '一、结构：三个部分齐全，问题与措施基本对应，建议在措施部分补上与第二个问题对应的内容。',
  '二、逻辑：前后时段表述一致，未发现矛盾。',
  '三、具体性：第一部分多为表态性语言，建议补充【待补充：开展专题学习次数】等具体内容。',
  '四、套话：“高度重视”“扎实推进”出现较多，建议换成具体做法。',
  '五、改写示范：一是围绕年度重点任务开展专题学习，【待补充：次数和主题】。',
];

// ---- styles --------------------------------------------------------------------

const REASONING = '推理草稿：用户需要一份材料，我先确定结构，再逐条展开，注意不要编造数字。';

/** “一是A。二是B。【待补充：…】。” → its sentences. */
const sentencesOf = (text: string) => text.match(/[^。]+。?/g) ?? [text];

function renderBody(text: string, style: ModelStyle): string {
  const [lead = '', ...rest] = sentencesOf(text);
  switch (style) {
    // The lead sentence bold, closed after the full stop and followed by text: `**……。**下文`.
    case 'markdown': return `**${lead}**${rest.join('')}`;
    // Qwen: half-width commas and the placeholder in full-width bold.
    case 'headings': return text.replace(/，/g, ',').replace(/(【待补充：[^】]*】)/g, '＊＊$1＊＊');
    // Ollama-served models stress a phrase with __ inside the sentence and underline what the writer must fill in.
    case 'think': return text.replace(/^(一是)?([^，。]+)/, '$1__$2__').replace(/(【待补充：[^】]*】)/g, '<u>$1</u>');
    // vLLM answers break sentences with HTML line breaks.
    case 'reasoning': return sentencesOf(text).join('<br>');
    case 'chatty': return text;
  }
}

function render(lines: Line[], style: ModelStyle, inOutline = false): string[] {
  return lines.map((l) => {
    const n = l.n ?? 1;
    switch (l.kind) {
      case 'title': return style === 'markdown' ? `# ${l.text}` : style === 'think' ? `**${l.text}**` : l.text;
      case 'opening': return style === 'headings' ? l.text.replace(/“([^”]*)”/g, '"$1"').replace(/，/g, ',') : l.text;
      case 'h1':
        if (style === 'markdown') return `## ${CN[n - 1]}、${l.text}`;
        if (style === 'headings') return `第${CN[n - 1]}部分：${l.text}`;
        if (style === 'think') return `__${CN[n - 1]}、${l.text}__`;
        return `${CN[n - 1]}、${l.text}`;
      case 'h2':
        if (style === 'markdown') return `### （${CN[n - 1]}）${l.text}`;
        if (style === 'headings') return inOutline ? `${n}. **${l.text}**：` : `（${CN[n - 1]}）、${l.text}`;
        if (style === 'reasoning') return `**（${CN[n - 1]}）${l.text}**`;
        return `（${CN[n - 1]}）${l.text}`;
      case 'point':
        if (style === 'markdown') return `- ${l.text}`;
        if (style === 'headings') return `   - ${l.text}`;
        return `${n}. ${l.text}`;
      case 'body':
        return renderBody(l.text, style);
    }
  });
}

const REASONING_CHAT = '推理草稿：用户问的是写作方法，按步骤回答即可。';

/** What the free-chat answers look like, per style: the habits a chat card must lose. */
const CHAT_ANSWER: Record<ModelStyle, string> = {
  markdown: ['## 写作建议', '', '**先列提纲。**再逐部分起草，最后通读定稿。', '', '- 标题写明单位和时段', '- 数字据实填写', '', '---', '', '希望以上内容对您有帮助！如需调整，请随时告诉我。'].join('\n'),
  chatty: ['当然可以！这类报告一般先列提纲，再逐部分起草。', '', '**建议**：先把本期的工作台账整理好，再动笔。', '', '*注：以上内容供参考。*', '', '希望对您有所帮助！'].join('\n'),
  think: ['<think>', REASONING_CHAT, '</think>', '', '__要点__：先列提纲，再逐部分起草。<br>每写完一部分，对照提纲检查一遍，<u>数字</u>要据实填写。'].join('\n'),
  reasoning: ['以下是我的建议：', '', '| 步骤 | 做法 |', '|---|---|', '| 第一步 | 列提纲 |', '| 第二步 | 逐部分起草<br>通读定稿 |'].join('\n'),
  headings: ['1. **先列提纲**：明确三个部分。', '2. **再写正文**：逐部分起草。', '', '＊＊关键＊＊是数字要据实填写。', '', '以上内容仅供参考。'].join('\n'),
};

function wrap(style: ModelStyle, kind: AnswerKind | 'repair', body: string[]): FakeReply {
  const text = (() => {
    switch (style) {
      case 'markdown':
        return [...body, '', '---', '', kind === 'critique' ? '希望以上意见对您有帮助！' : '希望以上内容对您有帮助！如需调整，请随时告诉我。'].join('\n');
      case 'chatty': {
        const lead = kind === 'outline' || kind === 'repair' ? '好的，以下是为您拟定的提纲：' : kind === 'critique' ? '好的，以下是我的审阅意见：' : '当然可以！以下是为您起草的内容：';
        const tail = kind === 'expand' || kind === 'rewrite' || kind === 'condense'
          ? ['', '修改说明：', '1. 补充了具体内容。', '2. 调整了部分表述。']
          : kind === 'full' ? ['', '（本部分约1800字）'] : kind === 'section' ? ['', '*注：文中【待补充】处请据实填写。*', '', '希望对您有所帮助！'] : ['', '> 提示：【待补充】处请根据实际情况填写。', '', '以上提纲供参考，如需调整请随时告诉我！'];
        return [`${lead}${body[0] ?? ''}`, ...body.slice(1), ...tail].join('\n');
      }
      case 'think':
        return [`<think>\n${REASONING}\n先写标题，再写各部分。\n</think>`, '', ...body].join('\n');
      case 'reasoning': {
        const table = kind === 'full' ? ['', '| 事项 | 完成情况 |', '|---|---|', '| 专题学习<br>理论宣讲 | 【待补充：次数】 |'] : [];
        return ['以下是起草的正文：', '', ...body, ...table].join('\n');
      }
      case 'headings':
        return [...body, '', '以上内容仅供参考。'].join('\n');
    }
  })();
  return reply(style, text);
}

const reply = (style: ModelStyle, text: string): FakeReply => {
  const chunks = messyChunks(text, 9);
  return style === 'reasoning' ? { chunks, reasoning: [REASONING.slice(0, 12), REASONING.slice(12), '（起草思路到此）'] } : { chunks };
};

/** The answer body (before the chat habits) for one request. */
function bodyFor(b: FakeRequestBody, kind: AnswerKind | 'repair', style: ModelStyle): string[] {
  switch (kind) {
    case 'outline':
    case 'repair':
      return render(outlineLines(b), style, true);
    case 'full':
      return render(fullLines(b), style);
    case 'section': {
      const s = sectionText(b);
      // Real models repeat the heading (and often the part heading) before the text.
      const head = style === 'markdown' ? [`### ${s.heading}`] : style === 'headings' ? [`第二部分：${s.part}`, `（一）、${s.heading}`] : [];
      // DeepSeek runs the heading into the paragraph in bold: `**（一）标题：**正文`.
      if (style === 'chatty') return [`**（${s.no}）${s.heading}：**${s.body}`];
      return [...head, ...render([{ kind: 'body', text: s.body }], style)];
    }
    case 'expand':
    case 'condense':
    case 'rewrite':
      return render([{ kind: 'body', text: reviseText(b, kind).body }], style);
    case 'critique':
      if (style === 'markdown') return CRITIQUE_CORE.map((l) => `### ${l.slice(0, 2)}\n- ${l.slice(2)}`);
      // `**标题：**正文` and `1. **……**：`: a bold label closed after its colon.
      if (style === 'chatty') return CRITIQUE_CORE.map((l) => l.replace(/^(.{2}[^：]*：)/, '**$1**'));
      if (style === 'headings') return CRITIQUE_CORE.map((l, i) => l.replace(/^.、([^：]*)：/, `${i + 1}. **$1**：`));
      return CRITIQUE_CORE;
  }
}

/** A fake handler answering every prompt kind in `style`; chat prompts get a chatty answer. */
export function realisticModel(style: ModelStyle): FakeHandler {
  return (b) => {
    const kind = answerKind(b);
    if (kind === 'chat') return reply(style, CHAT_ANSWER[style]);
    return wrap(style, kind, bodyFor(b, kind, style));
  };
}

// ---- the wrong genre -----------------------------------------------------------

/** How the model gets the genre wrong: 'once' only in its first outline (a repair fixes it); 'always' also after the repair prompt. */
export type GenreFault = 'once' | 'always';

/**
 * The same model, writing outlines in a unit report's shape whatever genre it was asked for, the
 * way models fall back on the commonest genre: a “……情况的报告” title without the writer's post,
 * “现将有关情况报告如下：”, and the unit report's part headings (工作开展情况及主要做法 …
 * 下一步工作打算) in place of 履职尽责情况, the checklist, or next year's plan.
 */
export function wrongGenre(base: FakeHandler, fault: GenreFault = 'always'): FakeHandler {
  return (b) => {
    const kind = answerKind(b);
    if (kind !== 'outline' && !(kind === 'repair' && fault === 'always')) return base(b);
    const first = firstUser(b);
    const period = inline(first, '报告时段：');
    const rewritten = first
      .replace(/(标题（照此使用[^\n]*\n)[^\n]*/, `$1关于${period}落实意识形态工作责任制情况的报告`)
      .replace(/(开头段写法参考[^\n]*\n[^\n]*?)现将[^\n]*?如下：/, '$1现将有关情况报告如下：')
      .replace(/(正文结构[^\n]*\n)(?:[^\n]+\n)+/, (_m, head: string) => `${head}一、工作开展情况及主要做法（二级标题3至6个）\n二、存在的问题和不足（二级标题2至5个）\n三、下一步工作打算（二级标题2至5个）\n`);
    // A copy: the fake server keeps the request as the bot sent it.
    return base({ ...b, messages: b.messages.map((m) => (m.role === 'user' && m.content === first ? { ...m, content: rewritten } : m)) });
  };
}
