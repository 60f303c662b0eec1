import { describe, expect, it } from 'vitest';
import { formatNumeral, parseNumeral } from '../../../src/text/numerals.js';
import { normalizeCn } from '../../../src/reminders/cn-time.js';
import { findCharCount } from '../../../src/report/request.js';
import { parseChineseNumeral } from '../../../src/report/headings.js';

describe('parseNumeral', () => {
  it.each([
    ['零', 0], ['〇', 0], ['一', 1], ['两', 2], ['九', 9],
    ['十', 10], ['十二', 12], ['二十', 20], ['三十五', 35], ['九十九', 99],
    ['百', 100], ['一百', 100], ['两百', 200], ['一百零三', 103], ['一百一十', 110], ['七百二十五', 725],
    ['千', 1000], ['两千', 2000], ['一千五百', 1500], ['一千零五', 1005], ['一千零十', 1010], ['一千零五十', 1050],
    ['三千零二十', 3020],
  ])('reads the place-value form %s → %i', (s, n) => {
    expect(parseNumeral(s)).toBe(n);
  });

  it.each([['三百五', 350], ['一千五', 1500], ['两千三', 2300], ['一万五', 15000], ['两万三', 23000], ['一亿五', 150_000_000]])(
    'reads the spoken short form %s → %i',
    (s, n) => {
      expect(parseNumeral(s)).toBe(n);
    },
  );

  it.each([
    ['万', 10_000], ['一万', 10_000], ['十万', 100_000], ['一万二千', 12_000], ['一万零五', 10_005],
    ['三十五万', 350_000], ['一百二十万零三百', 1_200_300], ['一亿', 100_000_000], ['三亿零五万', 300_050_000],
    ['两亿', 200_000_000], ['一万亿', 1e12], ['三亿两万', 300_020_000],
  ])('reads 万 and 亿 groups: %s → %i', (s, n) => {
    expect(parseNumeral(s)).toBe(n);
  });

  it.each([['廿', 20], ['廿三', 23], ['卅', 30], ['卅一', 31], ['卌', 40]])('reads the literary tens %s → %i', (s, n) => {
    expect(parseNumeral(s)).toBe(n);
  });

  it('refuses the literary tens when told to', () => {
    expect(parseNumeral('廿三', { literary: false })).toBeUndefined();
  });

  it.each([['12', 12], ['１２', 12], ['２０２７', 2027], [' 7 ', 7], ['3千', 3000], ['３千', 3000], ['2万', 20_000], ['5百', 500], ['3亿', 300_000_000]])(
    'reads Arabic digits, 全角 too, alone or before a unit: %s → %i',
    (s, n) => {
      expect(parseNumeral(s)).toBe(n);
    },
  );

  it('reads decimal fractions only when allowed', () => {
    expect(parseNumeral('1.5')).toBeUndefined();
    expect(parseNumeral('1.5万')).toBeUndefined();
    expect(parseNumeral('1.5', { fraction: true })).toBe(1.5);
    expect(parseNumeral('1.5万', { fraction: true })).toBe(15_000);
    expect(parseNumeral('1.1千', { fraction: true })).toBe(1100);
    expect(parseNumeral('１．５万', { fraction: true })).toBe(15_000);
  });

  it('refuses Arabic digits when told to', () => {
    expect(parseNumeral('12', { arabic: false })).toBeUndefined();
    expect(parseNumeral('3千', { arabic: false })).toBeUndefined();
  });

  it('reads digit-by-digit years only with sequence', () => {
    expect(parseNumeral('二〇二七')).toBeUndefined();
    expect(parseNumeral('二〇二七', { sequence: true })).toBe(2027);
    expect(parseNumeral('二零二六', { sequence: true })).toBe(2026);
    expect(parseNumeral('一二', { sequence: true })).toBe(12);
    expect(parseNumeral('一二')).toBeUndefined();
  });

  it('applies the largest value', () => {
    expect(parseNumeral('九十九', { max: 99 })).toBe(99);
    expect(parseNumeral('一百', { max: 99 })).toBeUndefined();
    expect(parseNumeral('10000', { max: 9999 })).toBeUndefined();
  });

  it.each([
    '', ' ', 'abc', '十十', '百百', '一二', '二十零', '零五', '一零', '十两', '两十', '一千两', '一万零两', '一万零',
    '一万一万', '亿亿', '一百十', '二三十', '五十三十', '三 五', '1-2', '十个', '1e3', '∞',
  ])('refuses %j', (s) => {
    expect(parseNumeral(s)).toBeUndefined();
  });
});

describe('formatNumeral', () => {
  it.each([[0, '零'], [1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [35, '三十五'], [100, '一百'], [103, '一百零三'],
    [110, '一百一十'], [1010, '一千零一十'], [1001, '一千零一'], [2000, '二千'], [9999, '九千九百九十九']])('%i → %s', (n, s) => {
    expect(formatNumeral(n)).toBe(s);
  });

  it('writes what it cannot name in Arabic digits', () => {
    expect(formatNumeral(10_000)).toBe('10000');
    expect(formatNumeral(-1)).toBe('-1');
    expect(formatNumeral(1.5)).toBe('1.5');
  });

  it('round-trips 0..9999 through parseNumeral', () => {
    for (let n = 0; n < 10_000; n++) expect(parseNumeral(formatNumeral(n))).toBe(n);
  });
});

describe('its users', () => {
  it('reminders read the literary tens and 全角 digits in times', () => {
    expect(normalizeCn('廿三日上午九点')).toBe('23日上午9点');
    expect(normalizeCn('１２月卅一日')).toBe('12月31日');
  });

  it('a length may be given in the spoken short form', () => {
    expect(findCharCount('写一千五字左右')).toBe(1500);
    expect(findCharCount('两万三字')).toBe(23_000);
    expect(findCharCount('１．５万字')).toBe(15_000);
  });

  it('a heading number stays within 九十九 and refuses digits', () => {
    expect(parseChineseNumeral('九十九')).toBe(99);
    expect(parseChineseNumeral('一百')).toBeNaN();
    expect(parseChineseNumeral('12')).toBeNaN();
  });
});
