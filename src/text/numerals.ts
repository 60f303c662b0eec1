/**
 * The one reader (and writer) of Chinese numerals, shared by every layer: reminders' times, heading numbers,
 * lengths (两千字), anniversaries, the writer's picks (第三条), counts in material.
 *
 * Written here rather than taken from a package: the callers need malformed numerals refused (十十, 一二 as a
 * heading number) and per-caller rules (a year written 二〇二七, a heading up to 九十九), which a lenient
 * decoder of any string does not give.
 */

const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/** 廿 卅 卌: the literary tens (廿三日 = 二十三日). */
const LITERARY: Readonly<Record<string, string>> = { 廿: '二十', 卅: '三十', 卌: '四十' };
const UNIT_VALUE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

export interface NumeralRules {
  /** Arabic digits (ASCII or 全角), alone or before one unit: 12, １２, 3千, 1.5万. Default true. */
  arabic?: boolean;
  /** A decimal fraction in Arabic digits (1.5, 1.5万). Default false. */
  fraction?: boolean;
  /** Digit by digit without units, as years are written: 二〇二七 → 2027. Default false. */
  sequence?: boolean;
  /** 廿 卅 卌. Default true. */
  literary?: boolean;
  /** The largest value accepted. */
  max?: number;
}

/** 全角 digits and point to ASCII. */
function halfWidth(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Below 万: [digit]千[零][digit]百[零][digit]十[digit], units descending. A bare unit counts one only where
 * Chinese allows it (at the start: 十二, 百; 十 after 零: 一千零十). A digit right after 百 or 千 is the next
 * place down (三百五 = 350, the spoken short form); after 零 or 十 it is the ones. 两 stands before 百 and 千
 * only (两百, not 两十).
 */
function belowWan(p: string, atStart: boolean, beforeGroup: boolean): number | undefined {
  let value = 0;
  let lastUnit = 10000;
  let digit: string | undefined;
  let zero = false;
  let first = true;
  for (const ch of p) {
    if (ch === '零' || ch === '〇') {
      if (digit !== undefined || first) return undefined;
      zero = true;
    } else if (DIGIT[ch] !== undefined) {
      if (digit !== undefined) return undefined;
      digit = ch;
    } else {
      const u = SMALL_UNIT[ch];
      if (u === undefined || u >= lastUnit) return undefined;
      if (digit === undefined && !((first && atStart) || (zero && u === 10))) return undefined;
      if (digit === '两' && u === 10) return undefined;
      value += (digit === undefined ? 1 : DIGIT[digit]!) * u;
      lastUnit = u;
      digit = undefined;
      zero = false;
    }
    first = false;
  }
  if (digit === undefined) return zero ? undefined : value;
  if (lastUnit === 10000) return digit === '两' && !atStart && !beforeGroup ? undefined : DIGIT[digit];
  if (digit === '两') return undefined;
  return value + DIGIT[digit]! * (zero || lastUnit === 10 ? 1 : lastUnit / 10);
}

/**
 * A numeral with 万 and 亿 groups: 一万二千, 两万三 (= 23000), 三亿零五万. `atStart`: nothing came before it;
 * `beforeGroup`: 万 or 亿 follows it.
 */
function grouped(s: string, atStart: boolean, beforeGroup = false): number | undefined {
  for (const [unit, size] of [['亿', 1e8], ['万', 1e4]] as const) {
    const i = s.indexOf(unit);
    if (i < 0) continue;
    const head = s.slice(0, i);
    let tail = s.slice(i + 1);
    const h = head === '' ? (atStart ? 1 : undefined) : grouped(head, atStart, true);
    if (h === undefined || h === 0) return undefined;
    if (tail === '') return h * size;
    let t: number | undefined;
    if (tail.length === 1 && DIGIT[tail] !== undefined && tail !== '零' && tail !== '〇') {
      // 一万五 = 15000: a lone digit after the group is the next place down.
      t = DIGIT[tail]! * (size / 10);
    } else {
      const zero = /^[零〇]/.test(tail);
      if (zero) tail = tail.slice(1);
      t = tail === '' ? undefined : grouped(tail, false);
      if (t === undefined || t === 0) return undefined;
    }
    return t < size ? h * size + t : undefined;
  }
  return belowWan(s, atStart, beforeGroup);
}

/** Round away float noise (1.1 × 1000). */
const tidy = (n: number): number => Number(n.toPrecision(15));

/**
 * The value of a numeral, or undefined when `s` is not one (under `rules`):
 * 一 → 1, 十二 → 12, 两千 → 2000, 一千零五 → 1005, 三百五 → 350, 一万五 → 15000, 廿三 → 23, 二〇二七 → 2027
 * (with `sequence`), 3千 → 3000, 1.5万 → 15000 (with `fraction`), １２ → 12.
 */
export function parseNumeral(s: string, rules: NumeralRules = {}): number | undefined {
  const { arabic = true, fraction = false, sequence = false, literary = true, max = Number.MAX_SAFE_INTEGER } = rules;
  let t = halfWidth(s.trim());
  if (t === '') return undefined;
  let v: number | undefined;
  const a = /^(\d+(?:\.\d+)?)(十|百|千|万|亿|万亿)?$/.exec(t);
  if (a) {
    if (!arabic || (!fraction && a[1]!.includes('.'))) return undefined;
    v = tidy(Number(a[1]) * (a[2] ? (a[2] === '万亿' ? 1e12 : UNIT_VALUE[a[2]]!) : 1));
  } else {
    if (literary) t = t.replace(/[廿卅卌]/g, (c) => LITERARY[c]!);
    if (t === '零' || t === '〇') v = 0;
    else if (/^[〇零一二三四五六七八九]{2,}$/.test(t)) {
      if (!sequence) return undefined;
      v = Number([...t].map((c) => DIGIT[c]).join(''));
    } else if (/^[零〇一二两三四五六七八九十百千万亿]+$/.test(t)) v = grouped(t, true);
  }
  return v !== undefined && v <= max ? v : undefined;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 103 → 一百零三, 1010 → 一千零一十 (0 ≤ n < 10000; else Arabic digits). */
export function formatNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10]! : ''}`;
  let out = '';
  let gap = false;
  for (const [size, unit] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const d = Math.floor(n / size) % 10;
    if (d === 0) {
      gap = out !== '';
      continue;
    }
    out += `${gap ? '零' : ''}${CN_DIGITS[d]!}${unit}`;
    gap = false;
  }
  return out;
}
