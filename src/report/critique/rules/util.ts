import { excerptOf, type CritiqueDoc } from '../doc.js';
import type { Category, Finding, Severity } from '../types.js';

/** A finding factory bound to one rule. */
export function reporter(rule: string, category: Category) {
  return (doc: CritiqueDoc, severity: Severity, start: number, end: number, message: string, suggestion?: string): Finding => {
    const f: Finding = { rule, category, severity, message, start, end, excerpt: excerptOf(doc.text, start, end) };
    if (suggestion !== undefined) f.suggestion = suggestion;
    return f;
  };
}

/** All matches of a global regex over `text`, offsets shifted by `base`. */
export function* matchAll(re: RegExp, text: string, base = 0): Generator<{ m: RegExpExecArray; start: number; end: number }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield { m, start: base + m.index, end: base + m.index + m[0].length };
  }
}
