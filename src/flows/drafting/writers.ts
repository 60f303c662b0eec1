// Which writer a drafting call uses: the one the composition root chose, else (tests, the eval) the model's.
import type { Writer } from '../writer.js';
import type { FlowBase } from './model-call.js';
import { MODEL_WRITER } from './model-writer.js';

export { MODEL_WRITER } from './model-writer.js';
export { RULES_WRITER } from './rules-writer.js';

export const writerOf = (f: FlowBase): Writer => f.writer ?? MODEL_WRITER;
