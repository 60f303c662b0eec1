import type { ChatModel, ChatRequest } from './chat-model.js';
import type { ChatMessage } from '../core/message.js';
import type { Logger } from '../logger.js';
import { OutputGuard } from './output-guard.js';
import { PiiVault } from './pii.js';

const PII_NOTE = '材料中形如“〔手机号1〕”“〔身份证号1〕”“〔银行卡号1〕”的内容是隐去的个人信息，需要时原样照写，不要改写、补全或猜测。';

export interface GuardOptions {
  /** Mask 身份证号, 手机号 and bank card numbers before the model (PII_MASKING). */
  maskPii: boolean;
  log?: Logger;
}

/**
 * Wraps the online model: personal data in the request is masked and restored in the answer,
 * and the answer passes the output guard as it streams. Only counts are logged, never text.
 */
export class GuardedChatModel implements ChatModel {
  readonly name: string;
  readonly online: boolean;

  constructor(private readonly inner: ChatModel, private readonly o: GuardOptions) {
    this.name = inner.name;
    this.online = inner.online;
  }

  async *stream(req: ChatRequest): AsyncGenerator<string> {
    const vault = new PiiVault();
    let messages: ChatMessage[] = req.messages;
    if (this.o.maskPii) {
      messages = req.messages.map((m) => (m.role === 'system' ? m : { ...m, content: vault.mask(m.content) }));
      if (vault.size) {
        const i = messages.findIndex((m) => m.role === 'system');
        if (i >= 0) messages[i] = { ...messages[i]!, content: `${messages[i]!.content}\n\n${PII_NOTE}` };
        else messages = [{ role: 'system', content: PII_NOTE }, ...messages];
        this.o.log?.info({ masked: vault.masked }, 'personal data masked before the model');
      }
    }
    // The guard compares against what was sent (placeholders included), so a given link may come back.
    const guard = new OutputGuard(messages, vault);
    try {
      for await (const delta of this.inner.stream({ ...req, messages })) {
        const safe = guard.push(delta);
        if (safe) yield safe;
      }
      const rest = guard.end();
      if (rest) yield rest;
    } finally {
      if (guard.total) this.o.log?.warn({ removed: guard.removed, model: this.name }, 'model answer: spans it was not given were removed');
    }
  }
}
