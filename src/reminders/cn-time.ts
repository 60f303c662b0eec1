// Pure helpers for Chinese time text: numeral normalisation and date formatting.
import { DateTime } from 'luxon';
import { parseNumeral } from '../text/numerals.js';

/** Value of a numeral in a time text up to 9999 (十二, 二十五, 一百, 廿三, 二〇二七); undefined if not one. */
export function cnNumber(s: string): number | undefined {
  return parseNumeral(s, { sequence: true, max: 9999 });
}

const UNIT_AFTER = '(?=年|月|日|号|点|时|分钟|分|小时|个|天|周|星期|礼拜|钟头|刻|次|半)';

/**
 * Full-width digits/colons to ASCII; Chinese numerals followed by a time unit to digits
 * ("十二月三十一日" → "12月31日", "提前一周" → "提前1周"). Weekday names (周一, 星期三) stay.
 */
export function normalizeCn(text: string): string {
  let t = text.normalize('NFKC').replace(/：/g, ':').replace(/\s+/g, ' ').trim();
  const re = new RegExp(`(周|星期|礼拜)?([零〇一二两三四五六七八九十百千廿卅]+)${UNIT_AFTER}`, 'g');
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
