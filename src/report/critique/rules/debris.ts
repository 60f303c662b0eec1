import type { Rule, Finding } from '../types.js';
import { lineAt, type CritiqueDoc, type Line } from '../doc.js';
import { GLOSS, reporter, TONE } from './util.js';
import { CUT_DOTS, DECO_WORD, inlineChrome, undecorated } from '../chrome.js';

const report = reporter('debris', 'debris');

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** A title's key without its year and a site's decoration words. */
const loose = (key: string) => key.replace(/^20\d{2}年度?/, '').replace(new RegExp(DECO_WORD, 'g'), '');
const leadOf = (s: string) => s.length - s.trimStart().length;

/** Offset in `s` just past its first `n` non-space characters. */
function pastChars(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (!/[\s\u3000]/.test(s[i]!)) seen++;
    if (seen === n) return i + 1;
  }
  return s.length;
}

/** Dots after a word, not a writer's …… (nor 等…): the last paragraph's preview cut. */
const PREVIEW_END = new RegExp(`[\\u4e00-\\u9fff，](?<!等)${CUT_DOTS}$`);
/** A site's word count after a title: （全文共1402字）. */
const TITLE_WORD_COUNT = /[（(](?:全文|正文)?共?约?\d{3,5}字[）)]$/;
/** An organ's name alone in brackets: （县委宣传部）, 【区教育局】, （中共某某镇委员会）. */
const BRACKET_ORGAN = /^[（(【[][\u4e00-\u9fff]{1,20}(?:委员会|党委|党组|党工委|支部|总支|委|局|部|办|办公室|科|处|股|室|中心|街道|社区|镇|乡|院|校|所|站|馆|公司|政府)[）)】\]]$/;
/** Kana, bopomofo or box-drawing characters next to Han text or its marks (a Chinese report uses none of them). */
/** A footnote marker whose note the copy did not bring along ([注1], [1] after a character): a reader has nothing to find. */
const FOOTNOTE_MARK = /[[［〔](?<=[\u4e00-\u9fff”）][[［〔])(?:注?\d{1,2}\]|注?\d{1,2}］|注\d{1,2}〕)/g;
const GARBLED = /[\u3040-\u30ff\u3100-\u312f\u2500-\u257f]+/g;
const GARBLED_NEXT_TO = /[\u4e00-\u9fff。，、；：（）]/;
/** A pinyin reading in brackets right after a Han character (or the capital a garbled one became), with its tone mark. */
const PINYIN_GLOSS = new RegExp(`(?<=[\\u3400-\\u9fffA-Z])${GLOSS}`, 'g');
/** A table cell's opening bar before prose. */
const CELL_BAR = /^[\s\u3000]*[|｜][ \u3000]*(?=[\u4e00-\u9fff0-9])/;

/**
 * Pasted page chrome and model leftovers (families in chrome.ts): one finding per block of adjacent whole-line
 * chrome, one per partial hit (a page number, a dateline, a title's decoration); a table cell's bar before prose;
 * an organ's name in brackets below the text; a title printed twice or run into the first paragraph.
 */
export const debrisRule: Rule = {
  id: 'debris',
  category: 'debris',
  check(doc: CritiqueDoc): Finding[] {
    const out: Finding[] = [];
    // Adjacent chrome lines (a seven-line download notice, 购物车/我的足迹) are one block.
    let block: { first: Line; last: Line; lastPos: number; messages: Set<string> } | null = null;
    const flush = () => {
      if (!block) return;
      const a = doc.chrome.get(block.first.index) ?? { start: 0 };
      const z = doc.chrome.get(block.last.index) ?? { end: block.last.text.length };
      const lines = block.last.index > block.first.index ? `（第${block.first.index + 1}—${block.last.index + 1}行）` : '';
      out.push(report(doc, 'error', block.first.start + a.start, block.last.start + z.end, `${[...block.messages].join('；')}${lines}`, '删除'));
      block = null;
    };
    doc.paragraphs.forEach((p, pos) => {
      const adjacent = block !== null && block.lastPos === pos - 1;
      // Items of a numbered notice (- 1、… - 7、…) go with the chrome line they continue.
      const bullet = (l: Line) => /^[\s\u3000]*[-•·*]\s*\d{1,2}[、.．]/.test(l.text);
      const c = doc.chrome.get(p.index) ?? (adjacent && block && bullet(block.last) && bullet(p) ? { kind: 'advert' as const, start: 0, end: p.text.length, message: '网页广告、下载或预览提示残留' } : undefined);
      if (!c) {
        flush();
        return;
      }
      // A partial hit (a page number, a suffix on the title) stays its own finding.
      const whole = c.start === 0 || /^[\s\u3000]*$/.test(p.text.slice(0, c.start));
      const partial = !whole || c.end < p.text.replace(/[\s\u3000]+$/, '').length;
      if (partial) {
        flush();
        const sug = c.kind === 'pagenum' ? '删除页码' : '删除';
        out.push(report(doc, c.kind === 'pagenum' ? 'warning' : 'error', p.start + c.start, p.start + c.end, c.message, sug));
        return;
      }
      if (block && adjacent) {
        block.last = p;
        block.lastPos = pos;
        block.messages.add(c.message);
      } else {
        flush();
        block = { first: p, last: p, lastPos: pos, messages: new Set([c.message]) };
      }
    });
    flush();
    // A table cell's bar left before a paragraph of prose (| 2025年，我局……): the bar only.
    for (const p of doc.paragraphs) {
      const bar = CELL_BAR.exec(p.text);
      if (!bar || p.text.length < 40 || !/[，。；]/.test(p.text)) continue;
      const c = doc.chrome.get(p.index);
      if (c && c.start <= bar.index) continue;
      out.push(report(doc, 'error', p.start + bar.index, p.start + bar.index + bar[0].length, '网页表格的竖线残留', '删除'));
    }
    // Chrome glued to prose (a dateline, an image name, a photo count): the chrome only; the line stays prose.
    for (const p of doc.paragraphs) {
      const c = doc.chrome.get(p.index);
      for (const h of inlineChrome(p.text, { title: doc.titleLines.has(p.index) })) {
        if (c && c.start < h.end && c.end > h.start) continue;
        out.push(report(doc, 'error', p.start + h.start, p.start + h.end, h.message, '删除'));
      }
    }
    // A reading in pinyin a site's converter put after a character (態（tài）): one finding per reading, each deleted.
    // Only a syllable with a tone mark: a report's own Latin in brackets (（CPC）, （App）) has none.
    if (TONE.test(doc.text)) {
      for (const m of doc.text.matchAll(PINYIN_GLOSS)) {
        const at = m.index;
        const line = lineAt(doc, at);
        const c = line ? doc.chrome.get(line.index) : undefined;
        if (line && c && line.start + c.start <= at && at < line.start + c.end) continue;
        out.push(report(doc, 'warning', at, at + m[0].length, `汉字后的拼音注音“${m[0]}”残留（疑为网站注音或转换插件所加）`, '删去注音', ''));
      }
    }
    for (const m of doc.text.matchAll(FOOTNOTE_MARK)) {
      // A copy that keeps its notes (a line opening with the same marker) is whole.
      if (new RegExp(`(?:^|\\n)[\\s\\u3000]*${m[0].replace(/[[\]]/g, '\\$&')}`).test(doc.text)) continue;
      out.push(report(doc, 'warning', m.index, m.index + m[0].length, `注释标记“${m[0]}”没有对应的注释`, '删去标记或补上注释', ''));
    }
    // Characters no Chinese report uses in its prose (kana, 注音符号, box-drawing strokes) amid Han text: a passage decoded
    // with the wrong code page (ㄒ唬┮庾R). One finding per garbled stretch, no fix: the original must be looked up.
    let garbledEnd = -1;
    for (const m of doc.text.matchAll(GARBLED)) {
      if (!GARBLED_NEXT_TO.test(doc.text[m.index - 1] ?? '') && !/[\u4e00-\u9fff]/.test(doc.text[m.index + m[0].length] ?? '')) continue;
      if (garbledEnd >= 0 && m.index - garbledEnd <= 6) {
        garbledEnd = m.index + m[0].length;
        continue;
      }
      garbledEnd = m.index + m[0].length;
      out.push(report(doc, 'warning', m.index, garbledEnd, `“${m[0]}”是乱码（疑为编码转换损坏），此处原文缺失`, '对照原件补正此处文字'));
    }
    // An organ's name alone in brackets below the text (（县委宣传部）): a news page's byline tag. Under the title
    // it names the reporting unit and stays.
    let prose = false;
    for (const p of doc.paragraphs) {
      if (doc.chrome.has(p.index) || doc.titleLines.has(p.index)) continue;
      if (prose && BRACKET_ORGAN.test(p.text.trim())) {
        const lead = leadOf(p.text);
        out.push(report(doc, 'warning', p.start + lead, p.start + p.text.trimEnd().length, '正文后单独成行的括号单位名称，疑为新闻网页的署名标签残留', '删除（如为落款，改为不加括号的署名）'));
      }
      prose ||= /[。；！？]/.test(p.text);
    }
    const repeated = repeatedTitles(doc);
    // A whole duplicated page title replaces the finding on its decoration.
    // The text's last paragraph cut off by dots mid-sentence (……确保在意...): a site's preview, the rest is missing.
    const last = doc.paragraphs.at(-1);
    const cut = last && !doc.chrome.has(last.index) ? PREVIEW_END.exec(last.text.trimEnd()) : null;
    if (last && cut) out.push(report(doc, 'warning', last.start + cut.index + 1, last.start + cut.index + cut[0].length, '正文在此以省略号截断（网页预览到此为止），后文缺失', '补全原文，或删去不完整的句子'));
    return [...out.filter((f) => !repeated.some((r) => r.start <= f.start && r.end >= f.end && r.end - r.start > f.end - f.start)), ...repeated];
  },
};

/** A title line whose chrome is only a decoration (……报告精选, 【精品】……), not the whole line. */
function isDecorated(doc: CritiqueDoc, l: Line): boolean {
  const c = doc.chrome.get(l.index);
  if (!c || c.kind !== 'collection') return false;
  const lead = l.text.length - l.text.trimStart().length;
  return c.start > lead || c.end < l.text.trimEnd().length;
}

/** A title printed twice, or run into the paragraph after it (PDF text, pasted pages). */
function repeatedTitles(doc: CritiqueDoc): Finding[] {
  const out: Finding[] = [];
  const seen: { line: Line; key: string; chrome: boolean }[] = [];
  for (const p of doc.paragraphs.slice(0, 15)) {
    // A word count a site appends to the title line (……报告（全文共1402字）) is not part of it.
    const key = norm(undecorated(p.text.trim().replace(TITLE_WORD_COUNT, '')));
    if (key.length < 8) continue;
    // The page's own decorated title (……报告精选) followed by the title proper: the first is debris.
    // (A decorated line that is chrome as a whole is already in a chrome block.)
    const decorated = seen.find((s) => s.key === key && s.chrome && isDecorated(doc, s.line) && norm(s.line.text) !== norm(p.text));
    if (decorated && doc.titleLines.has(p.index) && !doc.chrome.has(p.index)) {
      out.push(report(doc, 'error', decorated.line.start, decorated.line.end, `网页标题（带网站修饰词）与第${p.index + 1}行的标题重复`, '删除'));
    }
    // Repeating a page title (chrome, reported already) is how the real title starts.
    // The page's header may carry another year than the article's title (2023年……总结 over 2022年……总结).
    const yearless = (k: string) => k.replace(/(?:19|20)\d{2}年?/g, '');
    // (The header is the page's first line past its bar and breadcrumb.)
    const head = doc.paragraphs.find((q) => !doc.chrome.has(q.index));
    const same = seen.find((s) => s.key === key && !s.chrome) ?? seen.find((s) => !s.chrome && s.line.index === head?.index && yearless(s.key) === yearless(key) && yearless(key).length >= 8);
    if (same && (doc.titleLines.has(p.index) || same.key !== key)) {
      // The page's header title, then its metadata line (时间：…) or a site's intro, then the article's title: the header goes.
      const between = doc.paragraphs.filter((q) => q.index > same.line.index && q.index < p.index);
      const kinds = same.key === key ? ['meta'] : ['meta', 'intro'];
      if (between.length > 0 && between.every((q) => kinds.includes(doc.chrome.get(q.index)?.kind ?? ''))) {
        out.push(report(doc, 'error', same.line.start, same.line.end, `网页的页面标题，与第${p.index + 1}行的文章标题重复`, '删除'));
        continue;
      }
      // Titles that differ in their year only, with text between, are two reports (a collection by year): no repeat.
      if (same.key !== key) continue;
      out.push(report(doc, 'warning', p.start, p.end, `标题重复：与第${same.line.index + 1}行相同`, '删去重复的标题'));
      continue;
    }
    const prefix = seen.find((s) => key.startsWith(s.key) && key.length > s.key.length + 4);
    if (prefix && !doc.chrome.has(p.index)) {
      let at = pastChars(p.text, prefix.key.length);
      // A page that printed the title again (with its 3 篇 count) before the text: one finding for the run.
      for (let k = 0; k < 3; k++) {
        const rest = /^[\s\u3000]*(?:\d{1,3}[\s\u3000]*篇[\s\u3000]*)?/.exec(p.text.slice(at))![0];
        if (!norm(p.text.slice(at + rest.length)).startsWith(prefix.key)) {
          if (/篇/.test(rest)) at += rest.trimEnd().length;
          break;
        }
        at += rest.length + pastChars(p.text.slice(at + rest.length), prefix.key.length);
      }
      // The repeat keeps the page's decoration (……总结范文) and the space before the body: both go with it.
      const tail = new RegExp(`^(?:${DECO_WORD})?[\\s\\u3000]*`).exec(p.text.slice(at))![0].length;
      const end = p.start + at + (tail > 0 ? tail - 1 : 0);
      out.push(report(doc, 'warning', p.start, Math.min(p.end, end + 1), `第${prefix.line.index + 1}行的标题在此重复，并与正文连在一起`, '删去重复的标题，正文另起一段'));
    }
    // The title printed again without its year and decoration, run into the text after spaces (宣传部工作总结  全县……).
    const copy = prefix ? undefined : seen.find((s) => loose(s.key).length >= 8 && loose(s.key) !== s.key && key.startsWith(loose(s.key)) && key.length > loose(s.key).length + 4);
    if (copy && !doc.chrome.has(p.index) && !doc.titleLines.has(p.index)) {
      const at = pastChars(p.text, loose(copy.key).length);
      const gap = /^[ \u3000]+/.exec(p.text.slice(at));
      if (gap) out.push(report(doc, 'warning', p.start + leadOf(p.text), p.start + at + gap[0].length, `第${copy.line.index + 1}行的标题在此重复，并与正文连在一起`, '删去重复的标题，正文另起一段'));
    }
    if (doc.titleLines.has(p.index) || (doc.chrome.get(p.index)?.kind === 'collection')) {
      // A collection title "3篇2020年度……总结" is compared without its count.
      seen.push({ line: p, chrome: doc.chrome.has(p.index), key: key.replace(/^\d{1,3}篇|(?:精选)?\d{1,3}篇$|[（(](?:精选)?\d{1,3}篇[）)]$|篇[一二三四五六七八九十\d]{1,2}$/g, '') });
    }
  }
  return out;
}
