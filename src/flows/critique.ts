import type { Finding } from '../report/critique/types.js';
import { buildDoc, critiqueDoc, formatFindingsBrief, formatFindingsMarkdown } from '../report/critique/index.js';
import { periodLabel } from '../report/period.js';
import type { TurnContext } from './context.js';
import { critiqueSystemMessage } from './system-prompt.js';
import { streamAnswer } from './chat.js';

const MODEL_PART = '综合点评（模型生成，供参考）';
const OFFLINE_TAIL = '（离线模式：未配置大模型，以上为规则检查结果。配置 OPENAI_API_KEY 后，还会从结构、逻辑、具体性和套话等方面给出点评，并示范改写最薄弱的一段。）';

/**
 * Rule findings at once, then the model's critique streamed into the same card. Returns
 * the findings (a Word file gets them back as comments). `source` names a document.
 */
export async function critiqueFlow(ctx: TurnContext, text: string, opts: { source?: string } = {}): Promise<Finding[]> {
  // The critic infers the report's period from its title and opening, not from dates in the body.
  const doc = buildDoc(text, { now: ctx.now });
  const findings = critiqueDoc(doc);
  const rules = formatFindingsMarkdown(findings, text);
  ctx.log.info({ chars: text.length, findings: findings.length, errors: findings.filter((f) => f.severity === 'error').length }, 'critique');
  const title = '笔杆子 · 审校意见';
  const source = opts.source ? `> 审阅对象：${opts.source}（共${text.length}字）\n\n` : '';
  if (!ctx.model.online) {
    const card = await ctx.replier.openStream(ctx.conversation, { key: ctx.jobId, title });
    await card.finish(`${source}${rules}\n\n${OFFLINE_TAIL}`);
    return findings;
  }
  const user = ctx.prompts.render('critique', { text, findings: formatFindingsBrief(findings, text), period: doc.period ? periodLabel(doc.period) : '未注明（请从文中判断）' });
  await streamAnswer(ctx, {
    title,
    head: `${source}${rules}\n\n---\n${MODEL_PART}\n\n`,
    messages: [critiqueSystemMessage(ctx.prompts, ctx.now, ctx.timezone), { role: 'user', content: user }],
    kind: 'critique',
    temperature: 0.3,
    // Keep the thread's memory small: the paste is summarised, the critique kept.
    remember: `请审阅以下材料（共${text.length}字，开头：${text.slice(0, 300)}…）`,
  });
  return findings;
}
