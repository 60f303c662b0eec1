// Dispatch a parsed drafting command to its service; the answer text is what the card shows and the state keeps.
import type { DraftCommand, ReviseOp } from '../../report/commands.js';
import { describeAddresses, renderSections } from '../../report/draft.js';
import type { Outline } from '../../report/outline.js';
import type { FlowBase, Progress } from './model-call.js';
import { draftFull } from './full.js';
import { draftOutline } from './outline.js';
import { draftSection, reviseSection, type ReviseResult } from './sections.js';
import { requireOutline, type ReportThreadState } from './state.js';

export interface CommandResult {
  /** The text the writer sees as the answer (and what the state now holds). */
  text: string;
  state: ReportThreadState;
  /** Lines for the card's head: what was kept, what the writer should know. */
  notes: string[];
  /** Chat text the cleaner took out of the model's answers. */
  removed: string[];
}

/** Shown under an outline built from the rules because the model's answer had no 一、二、三、 headings. */
const MODEL_OUTLINE_UNUSABLE = '模型这次的回答没能识别出“一、二、三、”提纲结构，以上是按文种模板生成的提纲，可以直接使用，也可以发送“重新列提纲”再试一次。';

const OP_WORD: Record<ReviseOp, string> = { condense: '精简', expand: '展开', rewrite: '重写' };

/** One sentence on a revise that met text not drafted yet: what, at which length, and why that length. */
export function reviseNotes(outline: Outline, op: ReviseOp, r: Pick<ReviseResult, 'drafted' | 'skipped'>, asked?: number): string[] {
  const notes: string[] = [];
  if (r.drafted) {
    const { addresses, chars, usual } = r.drafted;
    const how = asked !== undefined ? `已按要求的篇幅（约${asked}字）直接起草` : op === 'rewrite' ? '已直接起草' : `已按“${OP_WORD[op]}”的要求直接起草了${op === 'condense' ? '较短' : '较长'}的稿子`;
    const usualNote = asked === undefined && op !== 'rewrite' ? `（默认篇幅约${usual}字）` : '';
    notes.push(`${describeAddresses(outline, addresses)}此前还没有起草，${how}，共约${Math.round(chars / 10) * 10}字${usualNote}。`);
  }
  if (r.skipped.length) notes.push(`${describeAddresses(outline, r.skipped)}还没有起草，这次只${OP_WORD[op]}了已起草的部分。`);
  return notes;
}

export async function runDraftCommand(cmd: Exclude<DraftCommand, { kind: 'export' }>, a: FlowBase & { state: ReportThreadState; onProgress?: (p: Progress) => void; onRepair?: (defects: string[]) => void }): Promise<CommandResult> {
  switch (cmd.kind) {
    case 'outline': {
      const o = await draftOutline({ ...a, request: a.state.request });
      // A fallback and the defects left after the repair round are shown, not hidden: the writer decides.
      const fallback = o.fallback ? `\n\n${MODEL_OUTLINE_UNUSABLE}` : '';
      const note = o.defects.length ? `\n\n提纲自检仍有以下问题，请留意或让我重写：\n${o.defects.map((d, i) => `${i + 1}. ${d}`).join('\n')}` : '';
      // A new outline starts a new draft: sections of the old one no longer fit.
      return { text: o.text + fallback + note, state: { ...a.state, outline: o.outline, draft: { sections: {} }, lastAddresses: [], updatedAt: a.now.toISOString() }, notes: [], removed: o.removed };
    }
    case 'section': {
      const r = await draftSection({ ...a, target: cmd.target, ...(cmd.chars !== undefined ? { chars: cmd.chars } : {}) });
      return { text: renderSections(requireOutline(r.state), r.sections), state: r.state, notes: [], removed: r.removed };
    }
    case 'revise': {
      const r = await reviseSection({ ...a, target: cmd.target, op: cmd.op, ...(cmd.chars !== undefined ? { chars: cmd.chars } : {}) });
      const outline = requireOutline(r.state);
      return { text: renderSections(outline, r.sections), state: r.state, notes: reviseNotes(outline, cmd.op, r, cmd.chars), removed: r.removed };
    }
    case 'full': {
      const state = cmd.chars !== undefined ? { ...a.state, request: { ...a.state.request, length: { chars: cmd.chars } } } : a.state;
      const r = await draftFull({ ...a, state, ...(cmd.redo ? { redo: true } : {}) });
      const notes = r.kept.length ? [`已保留此前起草或修改过的内容：${describeAddresses(requireOutline(r.state), r.kept)}，只起草了其余部分；如需重写，请发送“重写第二部分”或“全部重写”。`] : [];
      return { text: r.text, state: r.state, notes, removed: r.removed };
    }
  }
}
