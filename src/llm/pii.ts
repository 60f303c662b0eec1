/**
 * Personal data in material (身份证号, 手机号, bank card numbers) is replaced by stable
 * placeholders before the model sees it, and put back in the answer. Hand-written: no
 * maintained package validates GB 11643 check digits and Luhn together for Chinese text.
 */

export type PiiKind = 'id' | 'mobile' | 'card';

const LABEL: Record<PiiKind, string> = { id: '身份证号', mobile: '手机号', card: '银行卡号' };
const KIND_OF: Record<string, PiiKind> = { 身份证号: 'id', 手机号: 'mobile', 银行卡号: 'card' };

// GB 11643-1999: 17 digits weighted, the sum mod 11 picks the check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const ID_RE = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
// 13812345678, 138 1234 5678, 138-1234-5678, +86 138…
const MOBILE_RE = /(?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z])/g;
// 16 to 19 digits, possibly in groups of four.
const CARD_RE = /(?<![0-9A-Za-z])\d(?:[ -]?\d){15,18}(?![0-9A-Za-z])/g;

/** A placeholder as sent (〔手机号1〕) and as a model may echo it (【手机号1】, [手机号 1]). */
const PLACEHOLDER_RE = /[〔【[]\s*(身份证号|手机号|银行卡号)\s*(\d{1,3})\s*[〕】\]]/g;
/** A placeholder's beginning that a stream may not have finished yet. */
export const OPEN_PLACEHOLDER_RE = /[〔【[][^〔【[〕】\]\n]{0,8}$/;

/** One request's personal values and their placeholders; the same value gets the same placeholder. */
export class PiiVault {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counts: Record<PiiKind, number> = { id: 0, mobile: 0, card: 0 };

  /** How many distinct values of each kind were masked. */
  get masked(): Readonly<Record<PiiKind, number>> {
    return this.counts;
  }

  get size(): number {
    return this.byValue.size;
  }

  private placeholder(kind: PiiKind, value: string): string {
    const key = `${kind}:${value.replace(/[ -]/g, '').replace(/^\+?86(?=1\d{10}$)/, '')}`;
    const known = this.byValue.get(key);
    if (known) return known;
    const p = `〔${LABEL[kind]}${++this.counts[kind]}〕`;
    this.byValue.set(key, p);
    this.byPlaceholder.set(p, value);
    return p;
  }

  /** The text with every recognised value replaced by its placeholder. */
  mask(text: string): string {
    let out = text.replace(ID_RE, (m) => (validIdNumber(m) ? this.placeholder('id', m) : m));
    out = out.replace(CARD_RE, (m) => {
      const digits = m.replace(/[ -]/g, '');
      // A mobile number is 11 digits, never matched here; an ID number was masked above.
      return digits.length >= 16 && digits.length <= 19 && luhn(digits) ? this.placeholder('card', m) : m;
    });
    out = out.replace(MOBILE_RE, (m) => this.placeholder('mobile', m));
    return out;
  }

  /** Placeholders back to the values they stand for; unknown ones are left as they are. */
  restore(text: string): string {
    if (!this.byPlaceholder.size) return text;
    return text.replace(PLACEHOLDER_RE, (m, label: string, n: string) => {
      const kind = KIND_OF[label];
      return (kind && this.byPlaceholder.get(`〔${label}${Number(n)}〕`)) ?? m;
    });
  }
}
