import { critique, formatFindingsMarkdown, lineCol, type Finding } from '../report/critique/index.js';
import { findPeriod, periodLabel } from '../report/period.js';
import { SEVERITY_LABEL } from '../report/critique/format.js';
import type { TurnContext } from './context.js';
import { systemMessage } from './system-prompt.js';

const MODEL_PART = '**综合点评**（模型生成，供参考）';
const OFFLINE_TAIL = '（离线模式：未配置大模型，以上为规则检查结果。配置 OPENAI_API_KEY 后，还会从结构、逻辑、具体性和套话等方面给出点评，并示范改写最薄弱的一段。）';

/** What the model is told the rules already reported (it should not repeat them). */
function findingsForPrompt(findings: readonly Finding[], text: string): string {
  if (findings.length === 0) return '（规则检查未发现问题）';
  const shown = findings.slice(0, 40).map((f) => `- 第${lineCol(text, f.start).line}行【${SEVERITY_LABEL[f.severity]}】${f.message}：“${f.excerpt}”`);
  if (findings.length > 40) shown.push(`- 另有${findings.length - 40}条`);
  return shown.join('\n');
}

/** Rule findings at once, then the model's critique streamed into the same card. */
export async function critiqueFlow(ctx: TurnContext, text: string): Promise<void> {
  const findings = critique(text, { now: ctx.now });
  const rules = formatFindingsMarkdown(findings, text);
  ctx.log.info({ chars: text.length, findings: findings.length, errors: findings.filter((f) => f.severity === 'error').length }, 'critique');
  const card = await ctx.replier.openStream(ctx.conversation, { key: ctx.jobId, title: '笔杆子 · 审校意见' });
  card.update(rules);
  if (!ctx.model.online) {
    await card.finish(`${rules}\n\n${OFFLINE_TAIL}`);
    return;
  }
  const period = findPeriod(text, ctx.now);
  const user = ctx.prompts.render('critique', { text, findings: findingsForPrompt(findings, text), period: period ? periodLabel(period) : '未注明（请从文中判断）' });
  let out = '';
  const head = `${rules}\n\n---\n${MODEL_PART}\n\n`;
  card.update(`${head}正在审读全文…`);
  for await (const d of ctx.model.stream({ messages: [systemMessage(ctx.prompts, ctx.now, ctx.timezone), { role: 'user', content: user }], signal: ctx.signal, temperature: 0.3 })) {
    out += d;
    card.update(head + out);
  }
  await card.finish(head + out);
  // Keep the thread's memory small: the paste is summarised, the critique kept.
  await ctx.memory.append(ctx.conversation, [
    { role: 'user', content: `请审阅以下材料（共${text.length}字，开头：${text.slice(0, 300)}…）` },
    { role: 'assistant', content: out },
  ], ctx.jobId);
}
