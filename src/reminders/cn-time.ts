// Pure helpers for Chinese time text: numeral normalisation and date formatting.
import { DateTime } from 'luxon';

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral up to 9999 (十二, 二十五, 一百, 二〇二七); undefined if not one. */
export function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  // Digit-by-digit years: 二〇二七
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + (DIGIT[ch] ?? 0);
    return v;
  }
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d !== undefined) { cur = d; continue; }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (cur === 0 ? 1 : cur) * unit;
    cur = 0;
  }
  return total + cur;
}

const UNIT_AFTER = '(?=年|月|日|号|点|时|分钟|分|小时|个|天|周|星期|礼拜|钟头|刻|次|半)';

/**
 * Full-width digits/colons to ASCII; Chinese numerals followed by a time unit to digits
 * ("十二月三十一日" → "12月31日", "提前一周" → "提前1周"). Weekday names (周一, 星期三) stay.
 */
export function normalizeCn(text: string): string {
  let t = text.normalize('NFKC').replace(/：/g, ':').replace(/\s+/g, ' ').trim();
  const re = new RegExp(`(周|星期|礼拜)?([零〇一二两三四五六七八九十百千]+)${UNIT_AFTER}`, 'g');
  t = t.replace(re, (m: string, wk: string | undefined, num: string) => {
    // "周一" + "天"/"次" etc: keep the weekday
    if (wk && num.length === 1) return m;
    // "一刻" / "三刻" are quarter-hours, handled by the time rules
    const v = cnNumber(num);
    return v === undefined ? m : `${wk ?? ''}${v}`;
  });
  // "X点一刻" got "1刻" only if followed by 刻; restore readable form
  t = t.replace(/(\d)点1刻/g, '$1点15分').replace(/(\d)点3刻/g, '$1点45分');
  // Minutes after 点 written in Chinese without 分: "三点十五" → "3点15"
  t = t.replace(/(\d点)([一二三四五六七八九十]+)(?![年月日号点时天周个])/g, (m: string, p: string, num: string) => {
    const v = cnNumber(num);
    return v === undefined ? m : `${p}${v}`;
  });
  return t;
}

/** Weekday names, Monday first (luxon's weekday 1..7 → index 0..6). */
export const WEEKDAY_CN = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** "2026年6月27日（星期六）09:00" in the given zone. */
export function formatInstant(iso: string, tz: string, opts: { time?: boolean } = {}): string {
  const d = DateTime.fromISO(iso, { setZone: false }).setZone(tz);
  const date = `${d.year}年${d.month}月${d.day}日（星期${WEEKDAY_CN[d.weekday - 1] ?? ''}）`;
  return (opts.time ?? true) ? `${date}${d.toFormat('HH:mm')}` : date;
}

export function toIso(d: DateTime): string {
  return d.toISO({ suppressMilliseconds: true }) ?? '';
}
