import { describe, expect, it } from 'vitest';
import { findClassificationMarking } from '../../../src/report/classification.js';

describe('classification markings', () => {
  it.each([
    ['机密★5年\n关于2025年上半年意识形态工作的报告', '机密★5年', '机密'],
    ['秘密★1年\n正文', '秘密★1年', '秘密'],
    ['绝密★启用前\n试题', '绝密★启用前', '绝密'],
    ['  秘密 ★ 长期\n正文', '秘密 ★ 长期', '秘密'],
    ['秘密\n关于……的报告', '秘密', '秘密'],
    ['机密 10年\n正文', '机密 10年', '机密'],
    ['密级：绝密\n正文', '密级：绝密', '绝密'],
    ['【秘密】请审阅以下材料', '秘密', '秘密'],
    ['正文第一段。\n\n文末标注 秘密☆三年', '秘密☆三年', '秘密'],
  ])('finds %j', (text, marking, level) => {
    expect(findClassificationMarking(text)).toEqual({ marking, level });
  });

  it.each([
    '严格遵守保密纪律，保守党和国家秘密。',
    '加强涉密人员管理，防止国家机密泄露。',
    '组织开展“绝密档案”主题观影活动的做法值得推广。',
    '帮我写一份保密工作自查报告的提纲',
    '',
  ])('does not flag ordinary prose %j', (text) => {
    expect(findClassificationMarking(text)).toBeNull();
  });

  it('refuses 内部资料 only when configured, and only as a marking', () => {
    const text = '内部资料　注意保存\n关于……的情况报告';
    expect(findClassificationMarking(text)).toBeNull();
    expect(findClassificationMarking(text, ['内部资料'])).toEqual({ marking: '内部资料', level: '内部资料' });
    expect(findClassificationMarking('会上传达了上级内部资料的精神。', ['内部资料'])).toBeNull();
    expect(findClassificationMarking('【内部资料】\n正文', ['内部资料'])?.level).toBe('内部资料');
  });

  it('reports the earliest marking', () => {
    expect(findClassificationMarking('机密★1年\n……\n秘密')?.level).toBe('机密');
  });
});
