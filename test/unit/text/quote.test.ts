import { describe, expect, it } from 'vitest';
import { quoteZh } from '../../../src/text/quote.js';

describe('quoteZh', () => {
  it('a quotation inside a quotation takes single quotes (GB/T 15834)', () => {
    expect(quoteZh('增强“四个意识”')).toBe('“增强‘四个意识’”');
    expect(quoteZh('落实“三单”管理，做到“两个维护”')).toBe('“落实‘三单’管理，做到‘两个维护’”');
  });
  it('cuts long text with an ellipsis inside the quotes', () => {
    expect(quoteZh('一二三四五六', 4)).toBe('“一二三四…”');
    expect(quoteZh('一二三', 4)).toBe('“一二三”');
  });
});
