import type { Rule, Finding } from '../types.js';
import { isCjk, type CritiqueDoc } from '../doc.js';
import { matchAll, reporter } from './util.js';

const report = reporter('placeholder', 'placeholder');

/** Markdown bold around a short span: **加强组织领导** (not a placeholder). */
const BOLD = /(?<=^|[\s。；：，、“（])\*\*([^*\n]{1,60}?)\*\*(?=$|[\s。；：，、”）])/gm;
const STARS = /[*＊]+/g;
/** X/x runs standing for a number or a name. */
const XRUN = /(?<![A-Za-z0-9_])[XxＸｘ]+(?![A-Za-z0-9_])/g;
const XOK = /^(?:X光|X射线|x轴|X轴)/;
/** A capital letter left by a redacted template: A总书记, A新时代 (A同志 may be a deliberate anonymisation). */
const LETTER_NAME = /(?<![A-Za-z0-9])[A-WYZ](?=总书记|新时代)/g;
const SYMBOLS = /(?:×{2,}|○{2,}|□+|△{2,})/g;
const INSTRUCTION = /[【[（(]\s*(?:此处|请(?:填写|补充|根据|结合|在此|按)|待(?:补充|填|定|完善)|需(?:补充|填写)|根据(?:本单位|本地|实际)|填写|补充|插入|示例|举例)[^【】[\]（）()\n]{0,80}[】\]）)]/g;
const EMPTY_BRACKET = /【\s*】/g;

export const placeholderRule: Rule = {
  id: 'placeholder',
  category: 'placeholder',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    const bold: [number, number][] = [];
    for (const { start, end } of matchAll(BOLD, t)) bold.push([start, end]);
    const inBold = (i: number) => bold.some(([s, e]) => i === s || i === e - 2);
    for (const { m, start, end } of matchAll(STARS, t)) {
      if (m[0].length === 2 && inBold(start)) continue;
      // "* 加强…" at the start of a line is a Markdown bullet (the markup check reports it).
      if (m[0].length === 1 && /^[ \t\u3000]*$/.test(t.slice(t.lastIndexOf('\n', start - 1) + 1, start)) && /[ \t]/.test(t[end] ?? '')) continue;
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体数字、名称或单位'));
    }
    for (const { m, start, end } of matchAll(XRUN, t)) {
      if (XOK.test(t.slice(start, start + 4))) continue;
      const before = t[start - 1];
      const after = t[end];
      // A lone x is a placeholder only inside Chinese text (X次, 在X委, 第X届).
      if (m[0].length === 1 && !isCjk(before) && !isCjk(after)) continue;
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体数字或名称'));
    }
    for (const { m, start, end } of matchAll(LETTER_NAME, t)) {
      out.push(report(doc, 'error', start, end, `疑似未替换的代称“${m[0]}${t.slice(end, end + 3)}”`, '删去字母或补全称谓'));
    }
    for (const { m, start, end } of matchAll(SYMBOLS, t)) {
      out.push(report(doc, 'error', start, end, `未填写的占位符“${m[0]}”`, '填入具体内容'));
    }
    for (const { start, end } of matchAll(INSTRUCTION, t)) {
      out.push(report(doc, 'error', start, end, '文中残留写作提示或待补充标记', '按提示补全内容后删除该标记'));
    }
    for (const { start, end } of matchAll(EMPTY_BRACKET, t)) {
      out.push(report(doc, 'error', start, end, '空的方括号，疑为未填写的内容', '补全或删除'));
    }
    return out;
  },
};
