import { describe, expect, it } from 'vitest';
import { PROMPT_VARIABLES, PromptLibrary, type PromptName } from '../../../src/llm/prompts.js';

const lib = PromptLibrary.load();

/** Sample values: a numbered marker per variable, so the test can see where each landed. */
function sample(name: PromptName): Record<string, string> {
  return Object.fromEntries(PROMPT_VARIABLES[name].map((v, i) => [v, `〔样例${i + 1}〕`]));
}

// Key instructions each report prompt must carry.
const KEY: Partial<Record<PromptName, RegExp[]>> = {
  system: [/【待补充：/, /绝不编造/, /对仗/, /字数相等/, /不使用英文/, /表格/, /四个意识/],
  outline: [/【待补充：/, /3至6个/, /一一对应/, /对仗/, /不得缺少/],
  'outline-repair': [/逐条修正/, /一一对应|逐条对应/, /不得新增/],
  // The shared style (一是……二是……, 称谓) comes in as {{style}}, the same for every step of a draft.
  section: [/【待补充：/, /全文统一的写法/, /与相邻各节的分工/, /不要重复本节标题/],
  revise: [/【待补充：/, /必须保留/],
  full: [/【待补充：/, /（一）标题/, /不要写一级标题/, /全文统一的写法/, /与其他部分的分工/],
};

describe('prompts', () => {
  it.each(Object.keys(PROMPT_VARIABLES) as PromptName[])('%s renders with every variable filled', (name) => {
    const text = lib.render(name, sample(name) as never);
    expect(text).not.toContain('{{');
    PROMPT_VARIABLES[name].forEach((_v, i) => expect(text).toContain(`〔样例${i + 1}〕`));
    const key = KEY[name];
    if (!key) return;
    for (const re of key) expect(text).toMatch(re);
    // The report prompts are all Chinese (no English instructions leak into the answers).
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('rejects unknown variables', () => {
    expect(() => lib.render('section', { ...sample('section'), extra: 'x' } as never)).toThrow(/unknown variable/);
  });
});
