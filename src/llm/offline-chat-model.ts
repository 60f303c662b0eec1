import type { ChatModel, ChatRequest } from './chat-model.js';
import { HELP } from '../core/texts.js';

/**
 * Used when no OPENAI_API_KEY is set. Reports and critiques come from the rules' writer
 * (flows/drafting/rules-writer.ts, chosen in app.ts); free chat gets this deterministic answer.
 */
export class OfflineChatModel implements ChatModel {
  readonly online = false;
  readonly name = 'offline-templates';

  // eslint-disable-next-line @typescript-eslint/require-await
  async *stream(_req: ChatRequest): AsyncGenerator<string> {
    yield `离线模式下可以：按文种模板列提纲，按提纲起草各部分和全文（写第二部分、把（二）展开到500字、写全文，需要补充的内容用【待补充：……】标出），导出Word，用规则审校粘贴的报告，设置截止提醒。自由问答、模型点评和由模型润色的成文需要配置大模型。\n\n${HELP}`;
  }
}
