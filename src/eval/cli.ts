/**
 * `npm run eval -- --base-url URL --model NAME [--api-key KEY] [--only E01,F02] [--timeout-ms N] [--allow-leaks]`
 *
 * Exit codes: 0 all steps ran and nothing leaked; 1 a model call failed; 3 some step's cleaned text
 * still had chat text or markup (unless --allow-leaks); 4 an anti-fabrication case (F…) let an
 * invented or carried-over fact through; 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { OpenAIChatModel } from '../llm/openai-chat-model.js';
import { PromptLibrary } from '../llm/prompts.js';
import { EVAL_CASES } from './cases.js';
import { fabricationPassed, FABRICATION_CASES, formatFabrication, runFabrication } from './fabrication.js';
import { formatDefects, formatSteps, formatTable, leakedSteps, runEval } from './run.js';

export async function main(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'base-url': { type: 'string' },
      model: { type: 'string' },
      'api-key': { type: 'string' },
      only: { type: 'string' },
      'timeout-ms': { type: 'string' },
      'allow-leaks': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  const baseURL = values['base-url'];
  const modelName = values.model;
  if (!baseURL || !modelName) {
    write('用法：npm run eval -- --base-url URL --model NAME [--api-key KEY] [--only E01,E02] [--allow-leaks]\n');
    return 2;
  }
  const timeoutMs = Number(values['timeout-ms'] ?? 120_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    write(`--timeout-ms 应为正整数（毫秒），收到“${values['timeout-ms']}”\n`);
    return 2;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !EVAL_CASES.some((c) => c.id === id) && !FABRICATION_CASES.some((c) => c.id === id)) ?? [];
  if (unknown.length || only?.length === 0) {
    write(`没有这些用例：${unknown.join('、') || '（--only 为空）'}；可选 ${EVAL_CASES[0]!.id}–${EVAL_CASES[EVAL_CASES.length - 1]!.id}、${FABRICATION_CASES[0]!.id}–${FABRICATION_CASES[FABRICATION_CASES.length - 1]!.id}\n`);
    return 2;
  }
  const cases = only ? EVAL_CASES.filter((c) => only.includes(c.id)) : EVAL_CASES;
  const fabrication = only ? FABRICATION_CASES.filter((c) => only.includes(c.id)) : FABRICATION_CASES;
  const apiKey = values['api-key'] ?? process.env.OPENAI_API_KEY ?? 'not-needed';
  const model = new OpenAIChatModel({ apiKey, baseURL, model: modelName, timeoutMs });
  const prompts = PromptLibrary.load();
  write(`评测 ${cases.length} 个用例，模型 ${modelName} @ ${baseURL}\n`);
  const rows = cases.length ? await runEval({ model, prompts, cases, onRow: (r) => write(`${r.id} 完成（${r.ms}ms）\n`) }) : [];
  if (rows.length) write(`\n${formatTable(rows)}\n${formatSteps(rows)}\n`);
  const fab = fabrication.length ? await runFabrication({ model, prompts, cases: fabrication }) : [];
  if (fab.length) write(`\n${formatFabrication(fab)}\n`);
  const defects = formatDefects(rows);
  if (defects) write(`\n缺陷明细：\n${defects}\n`);
  if (rows.some((r) => r.error) || fab.some((r) => r.error)) return 1;
  const leaks = leakedSteps(rows);
  if (leaks > 0) {
    write(`\n有 ${leaks} 步清理后仍留有闲话或排版标记${values['allow-leaks'] ? '（--allow-leaks：不算失败）' : '，评测不通过（加 --allow-leaks 可放行）'}。\n`);
    if (!values['allow-leaks']) return 3;
  }
  if (fab.some((r) => !fabricationPassed(r))) {
    write(`\n有 ${fab.filter((r) => !fabricationPassed(r)).length} 个防编造用例未全部标出，评测不通过。\n`);
    return 4;
  }
  return 0;
}
