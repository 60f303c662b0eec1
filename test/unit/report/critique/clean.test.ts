import { describe, expect, it } from 'vitest';
import { fixture, fixtureNames, run, serious } from './helpers.js';

describe('clean texts in the genre produce no error or warning', () => {
  for (const name of fixtureNames('clean-')) {
    it(name, () => {
      const text = fixture(name);
      const found = serious(run(text));
      expect(found.map((f) => `${f.rule}: ${f.message} «${text.slice(f.start, f.end)}»`)).toEqual([]);
    });
  }

  it('has at least four clean fixtures', () => {
    expect(fixtureNames('clean-').length).toBeGreaterThanOrEqual(4);
  });

  const paragraphs = [
    '一是坚持“第一议题”制度。党组理论学习中心组上半年集中学习6次，围绕党的二十届三中全会精神开展专题研讨2次，班子成员撰写研讨材料14篇。',
    '我们认真落实意识形态工作责任制，层层压实责任，做到人人有责、事事有人管。8月12日召开分析研判会，对3起网络舆情逐一复盘，形成整改清单。',
    '对照检查发现，部分支部“三会一课”记录不规范，个别党员学习笔记内容单薄。下一步，将按季度开展抽查，抽查结果在全局通报。',
    '学习习近平总书记关于网络强国的重要思想，党委委员带头讲党课，局长、分管副局长分别到联系点宣讲，实实在在解决群众反映的问题。',
    '推动“两学一做”学习教育常态化制度化，巩固拓展党史学习教育成果。认真贯彻党的十九大以来党中央关于意识形态工作的决策部署。',
    '报名截止时间为6月30日；截至6月底，共收到稿件52篇。',
    '全局共有党员86名，其中35岁以下青年党员21名，占24.4%。',
    '坚决维护党中央权威和集中统一领导，坚决维护党中央集中统一领导，做到令行禁止。',
  ];
  for (const p of paragraphs) {
    it(p.slice(0, 16), () => {
      const found = serious(run(p, { period: { year: 2024, span: 'year' } }));
      expect(found.map((f) => `${f.rule}: ${f.message} «${p.slice(f.start, f.end)}»`)).toEqual([]);
    });
  }
});
