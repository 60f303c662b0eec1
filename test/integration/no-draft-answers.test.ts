/**
 * Commands that act on a thread's draft, sent where there is none: each gets its one clear answer
 * and no model call (issue 23 “这句出自哪里？”, issue 26 保留).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { settledReplies } from '../support/queues.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { NO_DRAFT_TO_KEEP } from '../../src/flows/drafting/expiry.js';
import { answerWhereFrom } from '../../src/flows/drafting/material-check.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('draft commands without a draft', () => {
  it('保留 and 这句出自哪里？ in a chat with no draft: one clear answer each, no model call', async () => {
    h = await startHarness();
    const keep = textEvent('保留', { chatId: 'oc_p2p_no_draft_keep' });
    await h.post(keep);
    const [kept] = await settledReplies(h, messageIdOf(keep));
    expect(h.feishu.textOf(kept!)).toBe(NO_DRAFT_TO_KEEP);

    const ask = textEvent('‘召开意识形态工作研判会’这句出自哪里？', { chatId: 'oc_p2p_no_draft_where' });
    await h.post(ask);
    const [said] = await settledReplies(h, messageIdOf(ask));
    expect(h.feishu.textOf(said!)).toBe(answerWhereFrom(undefined, ''));
    expect(h.feishu.repliesTo(messageIdOf(ask))).toHaveLength(1);
    expect(h.llm.requests).toHaveLength(0);
  });
});
