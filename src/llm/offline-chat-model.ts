import type { ChatModel, ChatRequest } from './chat-model.js';
import { HELP } from '../core/texts.js';

/**
 * Used when no OPENAI_API_KEY is set. Flows check `online` and build outlines and
 * critiques from the domain rules; free chat gets this deterministic answer.
 */
export class OfflineChatModel implements ChatModel {
  readonly online = false;
  readonly name = 'offline-templates';

  // eslint-disable-next-line @typescript-eslint/require-await
  async *stream(_req: ChatRequest): AsyncGenerator<string> {
    yield `离线模式下可以：按文种模板生成提纲（含待补充占位）、用规则审校粘贴的报告、设置截止提醒。自由问答和成文起草需要配置大模型。\n\n${HELP}`;
  }
}
