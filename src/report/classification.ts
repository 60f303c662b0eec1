/**
 * Classification markings (密级标志). GB/T 9704-2012 §7.2.3 places the level (绝密/机密/秘密)
 * and, after a ★, the protection term (e.g. 秘密★1年) at the top left of a document; the
 * Law on Guarding State Secrets (2024 rev., art. 13) names the three levels. Text carrying
 * one must never leave for an external model.
 *
 * The words also occur in ordinary prose (保守党和国家秘密, 涉及国家机密), so a bare word
 * counts only where a marking stands: with a ★, alone on its line or with a term, after a
 * 密级 label, or in brackets.
 */

export const SECRET_LEVELS = ['绝密', '机密', '秘密'] as const;

export interface ClassificationHit {
  /** The marking as written, e.g. 机密★5年. */
  marking: string;
  /** The level or configured marking it matched, e.g. 机密 or 内部资料. */
  level: string;
}

const STAR = '[★☆*＊]';
const TERM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*年|长期|启用前|解密前';
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternsFor(word: string, needsMark: boolean): RegExp[] {
  const w = esc(word);
  const list = [
    new RegExp(`${w}\\s*${STAR}\\s*(?:${TERM})?`), // 秘密★1年, 绝密★启用前
    new RegExp(`密级\\s*[:：]?\\s*${w}(?:\\s*${STAR}?\\s*(?:${TERM}))?`), // 密级：机密
    new RegExp(`[【\\[〔（(]\\s*${w}\\s*(?:${STAR}\\s*(?:${TERM})?)?\\s*[】\\]〕）)]`), // 【秘密】
    new RegExp(`^[ \\t\\u3000]*${w}[ \\t\\u3000]*(?:(?:${TERM})[ \\t\\u3000]*)?$`, 'm'), // alone on its line
    new RegExp(`^[ \\t\\u3000]*${w}[ \\t\\u3000]+(?:${TERM})`, 'm'), // 机密 5年 at line start
  ];
  // Configured markings such as 内部资料 also count at the start of a line (内部资料 注意保存).
  if (!needsMark) list.push(new RegExp(`^[ \\t\\u3000]*${w}(?=[\\s，,。；;：:]|$)`, 'm'));
  return list;
}

/** The first classification marking in the text, or null. `extra`: further markings to refuse (内部资料). */
export function findClassificationMarking(text: string, extra: readonly string[] = []): ClassificationHit | null {
  let best: (ClassificationHit & { index: number }) | null = null;
  const words: Array<[string, boolean]> = [...SECRET_LEVELS.map((l): [string, boolean] => [l, true]), ...extra.filter(Boolean).map((e): [string, boolean] => [e, false])];
  for (const [word, needsMark] of words) {
    for (const re of patternsFor(word, needsMark)) {
      const m = re.exec(text);
      if (m && (!best || m.index < best.index)) best = { marking: m[0].trim().replace(/^[【[〔（(]\s*|\s*[】\]〕）)]$/g, ''), level: word, index: m.index };
    }
  }
  return best ? { marking: best.marking, level: best.level } : null;
}
