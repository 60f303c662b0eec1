/**
 * Plain-text layout decisions for a laid-out report (GB/T 9704): where a long title
 * breaks, which trailing lines are the sign-off, which lines are a 主送机关 line set
 * flush left. Pure; the Word writer applies them.
 */

/** Characters of 二号 小标宋 per line on A4 with the standard margins (156 mm / 22 pt). */
export const TITLE_LINE_CHARS = 20;

// Terms a title must not be broken inside, though a word segmenter may split them.
const KEEP_TOGETHER = /意识形态|工作责任制|责任制|第一责任人|一岗双责|党组|党委|党工委|委员会|\d{4}年度?|上半年|下半年|第[一二三四]季度|情况的报告|情况的汇报|述职报告|自查报告|工作计划|工作总结/g;

// ICU's dictionary word breaker (Node's full ICU): words, not characters, are the units of a break.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Break a long title only between words, into lines of about equal length (none longer than `max` when possible). */
export function breakTitle(title: string, max = TITLE_LINE_CHARS): string[] {
  const t = title.trim();
  if (t.length <= max) return [t];
  const bounds = new Set<number>();
  for (const s of segmenter.segment(t)) {
    const at = s.index + s.segment.length;
    if (at < t.length) bounds.add(at);
  }
  for (const m of t.matchAll(KEEP_TOGETHER)) for (let i = m.index + 1; i < m.index + m[0].length; i++) bounds.delete(i);
  // Never start a line with 的/和/及 or a closing mark.
  for (const b of [...bounds]) if (/^[的和及与、，）》”]/.test(t.slice(b))) bounds.delete(b);
  const n = Math.ceil(t.length / max);
  const lines: string[] = [];
  let start = 0;
  for (let k = 1; k < n; k++) {
    const ideal = Math.round((t.length * k) / n);
    const candidates = [...bounds].filter((b) => b > start && b - start <= max);
    if (candidates.length === 0) break;
    const best = candidates.reduce((a, b) => (Math.abs(b - ideal) < Math.abs(a - ideal) ? b : a));
    lines.push(t.slice(start, best));
    start = best;
  }
  lines.push(t.slice(start));
  return lines;
}

const DATE_LINE = /^(?:\d{4}年\d{1,2}月\d{1,2}日|[二〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|【待补充[：:]成文日期】)$/;
const SIGNER_LINE = /^(?:中共|中国共产党)?[\u4e00-\u9fff（）()]{2,30}(?:党组|党委|党工委|委员会|党总支|党支部|局|委|办|厅|部|办公室|中心|学校|医院|公司|政府|街道办事处)$|^【待补充[：:](?:单位名称|姓名及职务)】$|^[\u4e00-\u9fff]{2,4}$/;

/** The trailing sign-off of a plain-text report: the signer line (if any) and the date line. */
export function splitSignOff(lines: readonly string[]): { body: string[]; unit?: string; date?: string } {
  const body = lines.map((l) => l.trim()).filter(Boolean);
  const last = body[body.length - 1];
  if (!last || !DATE_LINE.test(last)) return { body };
  body.pop();
  const prev = body[body.length - 1];
  if (prev && SIGNER_LINE.test(prev) && !/[。；：，]/.test(prev)) {
    body.pop();
    return { body, unit: prev, date: last };
  }
  return { body, date: last };
}

/** A 主送机关 line (“县委：”, “市委宣传部：”) sits flush left, not indented like a paragraph. */
export const isAddresseeLine = (line: string): boolean => /^[\u4e00-\u9fff、（）]{2,30}[：:]$/.test(line.trim());
