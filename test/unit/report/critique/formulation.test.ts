import { describe, expect, it } from 'vitest';
import { fixture, hits, run } from './helpers.js';

describe('formulation rule', () => {
  it('finds wrong counts, members, order, broken core formula and missing speakers', () => {
    const t = fixture('formulation.txt');
    expect(hits(run(t), t, 'formulation')).toEqual([
      ['四种意识', 'error'],
      ['三个自信', 'error'],
      ['政治意识、大局意识、法治意识和责任意识', 'error'],
      ['理论自信、道路自信、制度自信、文化自信', 'warning'],
      ['维护习近平总书记的核心地位', 'error'],
      ['以习近平总书记为核心的党中央', 'info'],
      ['的党中央', 'error'],
      ['习近平新时代中国特色主义思想', 'error'],
      ['指出，', 'error'],
      ['关于意识形态工作的重要论述', 'warning'],
    ]);
  });

  it('accepts the exact forms, compact lists and unrelated 意识 lists', () => {
    const t = [
      '增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。',
      '牢固树立政治意识、大局意识、核心意识、看齐意识，坚定道路、理论、制度、文化自信。',
      '确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位。',
      '坚决维护习近平总书记党中央的核心、全党的核心地位，坚决维护党中央权威和集中统一领导。',
      '增强责任意识、担当意识、服务意识，增强政治意识、大局意识和忧患意识。',
      '习近平总书记指出，意识形态工作是党的一项极端重要的工作。',
    ].join('\n');
    expect(hits(run(t), t, 'formulation')).toEqual([]);
  });

  it('flags a 四个自信 list with a member missing', () => {
    const t = '四个自信是指自信、理论自信、制度自信、文化自信。';
    expect(hits(run(t), t, 'formulation').map(([, s]) => s)).toEqual(['error']);
  });
});
