import { describe, expect, it } from 'vitest';
import { GENRES, getGenre } from '../../../src/report/genres.js';
import { buildOfflineOutline, checkOutline, parseOutline, renderOutline } from '../../../src/report/outline.js';
import { parseRequest } from '../../../src/report/request.js';

const NOW = new Date('2025-07-03T10:00:00+08:00');
const unit = getGenre('unit-report');

const GOOD = `中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告

2025年上半年，局党组坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届历次全会精神。现将有关情况报告如下：

一、工作开展情况及主要做法
（一）压实主体责任，健全领导体制
1.党组书记履行第一责任人职责
2.专题研究意识形态工作【待补充：次数】次
（二）强化理论武装，筑牢思想根基
1.落实“第一议题”制度
（三）严格阵地管理，守好思想阵地
1.落实审批报备制度
二、存在的问题和不足
（一）理论学习深度还不够
1.学用结合不够紧密
（二）网络舆情应对能力不足
1.预判预警不够灵敏
三、下一步工作打算
（一）深化拓展理论学习
1.完善中心组学习制度
（二）提升网络舆情引导水平
1.完善舆情监测研判机制`;

describe('parseOutline', () => {
  it('parses plain GB/T 9704 text', () => {
    const o = parseOutline(GOOD);
    expect(o.title).toBe('中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告');
    expect(o.opening).toMatch(/现将有关情况报告如下：$/);
    expect(o.parts.map((p) => p.partId)).toEqual(['practice', 'problems', 'plans']);
    expect(o.parts[0]!.sections.map((s) => s.heading)).toEqual(['压实主体责任，健全领导体制', '强化理论武装，筑牢思想根基', '严格阵地管理，守好思想阵地']);
    expect(o.parts[0]!.sections[0]!.points).toHaveLength(2);
    expect(checkOutline(o, unit)).toEqual([]);
  });

  it('parses Markdown headings, bold and bullets, and run-in heading text', () => {
    const md = `# **关于2025年上半年落实意识形态工作责任制情况的报告**

开头：2025年上半年以来……现将有关情况报告如下：

## 一、工作开展情况及主要做法
### **（一）压实主体责任，健全领导体制**。明确分工
- 书记带头
* 班子成员一岗双责
**（二）强化理论武装，筑牢思想根基**
- 中心组学习
## 二、存在的问题和不足
- 学习深度不够
## 三、下一步工作打算
- 深化理论学习`;
    const o = parseOutline(md);
    expect(o.title).toBe('关于2025年上半年落实意识形态工作责任制情况的报告');
    expect(o.opening).toBe('2025年上半年以来……现将有关情况报告如下：');
    expect(o.parts).toHaveLength(3);
    expect(o.parts[0]!.sections[0]).toMatchObject({ heading: '压实主体责任，健全领导体制', points: ['明确分工', '书记带头', '班子成员一岗双责'] });
    expect(o.parts[1]!.points).toEqual(['学习深度不够']);
  });

  it('takes a first line marked 提纲 as the title, and keeps a first-line sentence as opening', () => {
    expect(parseOutline('关于2025年上半年落实意识形态工作责任制情况的报告（提纲）\n一、主要做法').title).toBe('关于2025年上半年落实意识形态工作责任制情况的报告');
    const o = parseOutline('上半年，局党组认真落实责任制，现将有关情况报告如下：\n一、主要做法');
    expect(o.title).toBe('');
    expect(o.opening).toMatch(/^上半年/);
  });

  it('round-trips through renderOutline', () => {
    const o = parseOutline(GOOD);
    const again = parseOutline(renderOutline(o));
    expect(again.parts.map((p) => p.sections.map((s) => s.heading))).toEqual(o.parts.map((p) => p.sections.map((s) => s.heading)));
    expect(renderOutline(o)).toContain('（三）严格阵地管理，守好思想阵地');
  });
});

describe('checkOutline', () => {
  it('reports missing parts, wrong order and too few sections', () => {
    const o = parseOutline(`标题：某某报告
一、存在的问题和不足
（一）理论学习深度还不够
二、工作开展情况及主要做法
（一）压实主体责任，健全领导体制
1.要点
（二）强化理论武装，筑牢思想根基
1.要点`);
    const d = checkOutline(o, unit);
    expect(d.some((x) => x.includes('缺少“下一步工作打算”部分'))).toBe(true);
    expect(d.some((x) => x.includes('位置不对'))).toBe(true);
    expect(d.some((x) => x.includes('有2个二级标题，应为3至6个'))).toBe(true);
  });

  it('reports broken numbering and uneven 对仗 headings', () => {
    const o = parseOutline(GOOD.replace('（三）严格阵地管理，守好思想阵地', '（四）严格阵地管理，守好阵地').replace('三、下一步工作打算', '四、下一步工作打算'));
    const d = checkOutline(o, unit);
    expect(d).toContain('一级标题序号不连续：第3个一级标题写成了“四、”');
    expect(d.some((x) => x.includes('二级标题序号不连续：第3个写成了“（四）”'))).toBe(true);
    expect(d.some((x) => x.includes('前后两句字数不等（6字、4字）'))).toBe(true);
  });

  it('reports problems without a matching measure', () => {
    const o = parseOutline(GOOD.replace('（二）提升网络舆情引导水平\n1.完善舆情监测研判机制', '（二）加强阵地规范管理\n1.建立阵地台账'));
    const d = checkOutline(o, unit);
    expect(d.some((x) => /问题（二）“网络舆情应对能力不足”.*没有对应的措施/.test(x))).toBe(true);
    const fewer = parseOutline(GOOD.replace('（二）提升网络舆情引导水平\n1.完善舆情监测研判机制', ''));
    expect(checkOutline(fewer, unit).some((x) => x.includes('措施应与问题一一对应'))).toBe(true);
  });

  it('reports a text with no headings', () => {
    expect(checkOutline(parseOutline('随便写点什么'), unit)).toContain('没有识别到“一、二、三、”一级标题');
  });
});

describe('buildOfflineOutline', () => {
  it('passes its own check for every genre, with placeholders and no invented numbers', () => {
    for (const g of GENRES) {
      const req = parseRequest(`市交通运输局2025年上半年${g.name}`, NOW);
      const o = buildOfflineOutline({ ...req, genre: g.id }, g, NOW);
      expect(checkOutline(o, g)).toEqual([]);
      const text = renderOutline(o);
      expect(text).toMatch(/【待补充：[^】]+】/);
      expect(o.opening).toMatch(/如下：$/);
    }
  });

  it('places the user facts under matching themes', () => {
    const req = parseRequest('市交通运输局2025年上半年落实意识形态工作责任制情况报告。中心组开展专题学习6次，处置网络舆情3条。', NOW);
    const o = buildOfflineOutline(req, unit, NOW);
    const practice = o.parts[0]!;
    const theory = practice.sections.find((s) => s.heading.includes('理论武装'))!;
    const network = practice.sections.find((s) => s.heading.includes('网络'))!;
    expect(theory.points).toContain('中心组开展专题学习6次');
    expect(network.points).toContain('处置网络舆情3条');
    expect(o.title).toBe('中共市交通运输局党组关于2025年上半年落实意识形态工作责任制情况的报告');
  });

  it('sizes the practice part by the requested length', () => {
    const short = buildOfflineOutline(parseRequest('县教育局2025年上半年报告，1000字', NOW), unit, NOW);
    const long = buildOfflineOutline(parseRequest('县教育局2025年上半年报告，5000字', NOW), unit, NOW);
    expect(short.parts[0]!.sections).toHaveLength(3);
    expect(long.parts[0]!.sections).toHaveLength(5);
  });
});
