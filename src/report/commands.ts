/**
 * Drafting commands inside a report thread: 写第二部分, 把（二）展开到500字,
 * 精简第一部分第（三）点, 重写下一步打算, 写全文, 导出Word.
 */
import { parseChineseNumeral } from './headings.js';
import type { PartId } from './parts.js';
import { findCharCount } from './request.js';

/** Where a command points: a part (by number or role), a section in it, or the opening. */
export interface SectionTarget {
  /** 1-based level-1 number: 第二部分 → 2. */
  part?: number;
  /** The part by role: 存在问题部分 → problems. */
  partId?: PartId;
  /** 1-based level-2 number: （三） → 3. */
  section?: number;
  /** The opening paragraph (开头/导语). */
  opening?: true;
}

export type ReviseOp = 'expand' | 'condense' | 'rewrite';

export type DraftCommand =
  | { kind: 'outline' }
  | { kind: 'section'; target: SectionTarget; chars?: number }
  | { kind: 'revise'; op: ReviseOp; target: SectionTarget; chars?: number }
  /** redo: 全部重写 — redraft parts already drafted too. */
  | { kind: 'full'; redo?: boolean; chars?: number }
  /** sources: 导出Word（附出处） — one Word comment per fact-bearing sentence naming its sources. */
  | { kind: 'export'; sources?: true };

const NUM = '([一二三四五六七八九十两]{1,3}|\\d{1,2})';
const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s));

const PART_ROLE: ReadonlyArray<[RegExp, PartId]> = [
  [/存在(的)?问题|问题(和|与|及)?不足|问题部分|不足之处|差距和不足|问题清单/, 'problems'],
  [/下一步|工作打算|打算部分|努力方向|整改措施|工作计划|明年(工作)?计划|改进措施/, 'plans'],
  [/主要做法|工作开展情况|开展情况|履职情况|落实情况|工作成效|做法部分|主要工作/, 'practice'],
];

/** Find the part/section a command text addresses; empty when it names none. */
function parseTarget(text: string): SectionTarget {
  const t: SectionTarget = {};
  const part = new RegExp(`第${NUM}(?:大)?(?:部分|大点|大项|章)`).exec(text) ?? new RegExp(`(?:^|[^（(第])([一二三四五六七八九十])、`).exec(text);
  if (part) t.part = num(part[1]!);
  const section =
    new RegExp(`[（(]${NUM}[）)]`).exec(text) ??
    new RegExp(`第${NUM}(?:小点|小节|小标题|个小标题|条|点|小项|项)`).exec(text);
  if (section) t.section = num(section[1]!);
  if (t.part === undefined) {
    for (const [re, id] of PART_ROLE) {
      if (re.test(text)) {
        t.partId = id;
        break;
      }
    }
  }
  if (t.part === undefined && t.partId === undefined && t.section === undefined && /开头|开篇|导语|引言|前言|开场白/.test(text)) t.opening = true;
  return t;
}

/** True when the target names no part, section or opening ("再精简一点"). */
export const isEmptyTarget = (t: SectionTarget): boolean => t.part === undefined && t.partId === undefined && t.section === undefined && !t.opening;

/** Parse a drafting command, or null when the text is not one. */
export function parseDraftCommand(raw: string): DraftCommand | null {
  const text = raw.replace(/\s+/g, '').replace(/^@\S+?(?=[\u4e00-\u9fa5])/, '');
  if (!text) return null;
  if (/(导出|生成|下载|输出|转成|转为|转换成|存为|保存为|发我)(成|为)?(word|docx|文档|文件|doc)|^(word|docx)(版|文档)?$|word版/i.test(text)) return /[附带含]出处|出处批注/.test(text) ? { kind: 'export', sources: true } : { kind: 'export' };
  if (/提纲|大纲|框架/.test(text) && !/第.(部分|点)|[（(].[）)]/.test(text)) return { kind: 'outline' };
  const chars = findCharCount(text);
  const redo = /全部重写|全文重写|重写全文|通篇重写|整篇重写|重新写全文|重新起草全文|全部重新写|推倒重写/.test(text);
  if (redo || (/全文|整篇|全稿|完整稿|完整版|通篇|初稿/.test(text) && !/(展开|精简|压缩|扩写)/.test(text))) {
    const cmd: DraftCommand = { kind: 'full' };
    if (redo) cmd.redo = true;
    if (chars !== undefined) cmd.chars = chars;
    return cmd;
  }

  const target = parseTarget(text);
  let op: ReviseOp | null = null;
  if (/展开|扩写|扩充|充实|丰富|写详细|写具体|加长|扩展|详细些|多写/.test(text)) op = 'expand';
  else if (/精简|压缩|缩写|删减|缩短|简化|精练|精炼|简短|少写|删到|压到|控制在/.test(text)) op = 'condense';
  else if (/重写|改写|重新写|重新起草|换个写法|润色|再写一[遍版]|优化/.test(text)) op = 'rewrite';
  if (op) {
    const cmd: DraftCommand = { kind: 'revise', op, target };
    if (chars !== undefined) cmd.chars = chars;
    return cmd;
  }
  // "把（二）写到800字" names a length but no verb: an expansion or condensation we cannot tell apart; treat as rewrite.
  if (chars !== undefined && /(写到|改到|调整到|调整为)/.test(text) && !isEmptyTarget(target)) return { kind: 'revise', op: 'rewrite', target, chars };
  if (/写|起草|撰写|生成|拟|草拟|来一版|出一版|续写/.test(text) && !isEmptyTarget(target)) {
    const cmd: DraftCommand = { kind: 'section', target };
    if (chars !== undefined) cmd.chars = chars;
    return cmd;
  }
  return null;
}
