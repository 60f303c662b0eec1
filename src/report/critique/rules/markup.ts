import type { Rule, Finding } from '../types.js';
import { matchAll, reporter } from './util.js';
import { QUOTE_BEFORE_HEADING, type CritiqueDoc } from '../doc.js';

const report = reporter('markup', 'markup');

const HASH_MARK = /#{2,}[A-Za-z_0-9\u4e00-\u9fff]{0,30}#{2,}|#{2,}(?![ \t#])/g;
const MD_HEADING = /^[ \t]*#{1,6}[ \t]+(?=\S)/gm;
const MD_BULLET = /^[ \t\u3000]*[*\-+][ \t]+(?=\S)/gm;
/** A Markdown image left as text (![](…)), its marks possibly turned full width by a copy: ！[]（）. */
const MD_IMAGE = /[!！]\[[^\]\n]{0,80}\][（(][^）)\n]{0,300}[）)]/g;
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,200})?\/?>/g;
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|emsp|ensp|#\d{2,6}|#x[0-9a-fA-F]{2,5});?/g;
const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const INVISIBLE = /(?:\u200b|\u200c|\u200d|\u2060|\ufeff)+/g;
/** Listing-page debris: "（3篇）" on its own line, "展开全文". */
const PAGE_DEBRIS = /^[ \t\u3000]*[（(]\d+篇[）)][ \t\u3000]*$|展开全文|阅读全文|点击下载|下载本文|免费下载|收藏本文|本文来源于网络|版权归原作者所有/gm;

export const markupRule: Rule = {
  id: 'markup',
  category: 'markup',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    const t = doc.text;
    for (const { m, start, end } of matchAll(HASH_MARK, t)) {
      out.push(report(doc, 'error', start, end, `网页残留标记“${m[0]}”`, '删除'));
    }
    for (const { start, end } of matchAll(MD_HEADING, t)) {
      out.push(report(doc, 'warning', start, end, 'Markdown 标题符号残留', '删除“#”号'));
    }
    for (const { start, end } of matchAll(MD_BULLET, t)) {
      out.push(report(doc, 'warning', start, end, 'Markdown 列表符号残留', '删除列表符号，改用“一是”“二是”或序号'));
    }
    for (const { start, end } of matchAll(MD_IMAGE, t)) {
      out.push(report(doc, 'error', start, end, 'Markdown 图片标记残留', '删除'));
    }
    for (const { m, start, end } of matchAll(HTML_TAG, t)) {
      out.push(report(doc, 'error', start, end, `HTML 标签残留“${m[0]}”`, '删除'));
    }
    for (const { m, start, end } of matchAll(ENTITY, t)) {
      const hint = /nbsp|emsp|ensp/.test(m[0]) ? '删除或改为空格' : '改为对应的标点符号';
      out.push(report(doc, 'error', start, end, `HTML 字符实体残留“${m[0]}”`, hint));
    }
    for (const { m, start } of matchAll(URL, t)) {
      // Trailing full stop belongs to the sentence.
      const trimmed = m[0].replace(/[.,;:)]+$/, '');
      out.push(report(doc, 'warning', start, start + trimmed.length, '正文中出现网址，疑为复制网页时带入', '确认是否需要，否则删除'));
    }
    for (const { start, end } of matchAll(INVISIBLE, t)) {
      out.push(report(doc, 'warning', start, end, '含不可见字符（零宽字符），疑为复制网页时带入', '删除'));
    }
    for (const p of doc.paragraphs) {
      const q = QUOTE_BEFORE_HEADING.exec(p.text);
      // A heading mark (####) is the Markdown heading findings'.
      if (!q || q[0].search(/[>＞]/) < 0) continue;
      const at = p.start + q[0].search(/[>＞]/);
      out.push(report(doc, 'error', at, at + 1, '标题前残留网页引用标记“>”', '删除', ''));
    }
    for (const { m, start, end } of matchAll(PAGE_DEBRIS, t)) {
      out.push(report(doc, 'error', start, end, `网页残留文字“${m[0].trim()}”`, '删除'));
    }
    return out;
  },
};
