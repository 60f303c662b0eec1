/** Issue 23 item 6: the unit profile keeps a post, never a person's name, wherever the name stands. */
import { describe, expect, it } from 'vitest';
import { dropPersonNames, parseUnitProfile } from '../../../../src/report/material/profile.js';
import { routeText } from '../../../../src/handler/routes.js';

const o = { now: new Date('2026-06-20T02:00:00Z'), timezone: 'Asia/Shanghai' };

describe('the profile never takes a name as a role', () => {
  it.each([
    // name after the post: two- and three-character names, 同志, a compound surname, 副部长
    ['我是宣传部部长张三', '张三', 'chief'],
    ['部长张三负责', '张三', 'chief'],
    ['我们单位是中共青山县委宣传部，部长是王小明同志', '王小明', 'chief'],
    ['宣传部长欧阳娜娜', '欧阳娜娜', 'chief'],
    ['我是副部长李四', '李四', 'deputy'],
    ['单位是中共青山县委宣传部，书记：赵敏', '赵敏', 'chief'],
    // name before the post
    ['我是宣传部的张三部长', '张三', 'chief'],
    ['王五副部长分管', '王五', 'deputy'],
    ['县委宣传部李明副部长负责意识形态工作', '李明', 'deputy'],
    ['张三同志任宣传部副部长', '张三', 'deputy'],
    ['由刘洋同志担任宣传部部长', '刘洋', 'chief'],
    ['我是张三，宣传部部长', '张三', 'chief'],
  ])('%s: role kept, %s dropped', (text, name, role) => {
    const p = parseUnitProfile(text);
    expect(JSON.stringify(p)).not.toContain(name);
    expect(JSON.stringify(p)).not.toContain(name.slice(1));
    expect(p.role).toBe(role);
    expect(dropPersonNames(text).dropped).toBe(true);
  });

  it('a name alone is no role; places and posts are not names', () => {
    expect(parseUnitProfile('我是李四')).toEqual({});
    for (const t of ['我是高新区党工委书记', '我是金湖县委宣传部部长', '我是县委宣传部常务副部长', '我是宣传部副部长，分管网信', '部长负责，书记抓总', '我是王家坝镇党委书记']) {
      expect(dropPersonNames(t), t).toEqual({ text: t, dropped: false });
    }
    expect(parseUnitProfile('我是金湖县委宣传部部长')).toEqual({ unit: '金湖县委宣传部', role: 'chief' });
    expect(parseUnitProfile('张三同志任宣传部副部长').unit).toBe('宣传部');
  });

  it('a self-introduction with a post is a profile statement; a request to write is not', () => {
    expect(routeText('我是宣传部部长张三', o)).toEqual({ kind: 'profile', text: '我是宣传部部长张三' });
    expect(routeText('我是县委宣传部副部长', o).kind).toBe('profile');
    expect(routeText('我是宣传部部长，帮我写一份2026年上半年述职报告', o).kind).not.toBe('profile');
    expect(routeText('我是部长吗？', o).kind).not.toBe('profile');
  });
});
