import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PromptError } from '../core/errors.js';

/**
 * Every prompt file and the variables it must use. A file that uses a variable not
 * listed here, or omits one listed, fails at start; so does a render call that
 * leaves a variable unset or passes an unknown one.
 */
export const PROMPT_VARIABLES = {
  system: ['today', 'period', 'guidance'],
  'critique-system': ['today', 'guidance'],
  chat: ['request'],
  outline: ['request', 'genre', 'period', 'person', 'length', 'title', 'opening', 'closing', 'skeleton', 'themes', 'facts'],
  'outline-repair': ['defects', 'skeleton', 'outline', 'title', 'closing'],
  section: ['outline', 'target', 'points', 'period', 'person', 'chars', 'facts', 'role', 'neighbours', 'style'],
  revise: ['instruction', 'chars', 'target', 'outline', 'text', 'facts'],
  full: ['outline', 'part', 'period', 'person', 'chars', 'facts', 'role', 'neighbours', 'style'],
  critique: ['text', 'findings', 'period'],
  'review-comments': ['comments', 'material'],
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_VARIABLES;
export type PromptVars<N extends PromptName> = Record<(typeof PROMPT_VARIABLES)[N][number], string>;

const VAR = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export const DEFAULT_PROMPT_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export { PromptError } from '../core/errors.js';

export class PromptLibrary {
  /** The prompts' version for the audit trail: the first 12 hex of a SHA-256 over every file, by name. */
  readonly version: string;

  private constructor(private readonly texts: Map<string, string>) {
    const h = createHash('sha256');
    for (const name of [...texts.keys()].sort()) h.update(`${name}\0${texts.get(name)}\0`);
    this.version = h.digest('hex').slice(0, 12);
  }

  /** Load and validate every prompt in `dir`. */
  static load(dir: string = DEFAULT_PROMPT_DIR): PromptLibrary {
    const texts = new Map<string, string>();
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    for (const f of files) texts.set(basename(f, '.md'), readFileSync(join(dir, f), 'utf8'));
    const problems: string[] = [];
    for (const [name, vars] of Object.entries(PROMPT_VARIABLES)) {
      const text = texts.get(name);
      if (text === undefined) {
        problems.push(`prompts/${name}.md is missing`);
        continue;
      }
      const used = new Set([...text.matchAll(VAR)].map((m) => m[1]!));
      const declared = new Set<string>(vars);
      for (const u of used) if (!declared.has(u)) problems.push(`prompts/${name}.md uses unknown variable {{${u}}}`);
      for (const d of declared) if (!used.has(d)) problems.push(`prompts/${name}.md never uses {{${d}}}`);
    }
    for (const name of texts.keys()) {
      if (!(name in PROMPT_VARIABLES)) problems.push(`prompts/${name}.md is not registered in PROMPT_VARIABLES`);
    }
    if (problems.length) throw new PromptError(`Invalid prompts:\n- ${problems.join('\n- ')}`);
    return new PromptLibrary(texts);
  }

  render<N extends PromptName>(name: N, vars: PromptVars<N>): string {
    const text = this.texts.get(name)!;
    const given = vars as Record<string, string | undefined>;
    const declared = new Set<string>(PROMPT_VARIABLES[name]);
    for (const k of Object.keys(given)) if (!declared.has(k)) throw new PromptError(`prompt ${name}: unknown variable ${k}`);
    return text.replace(VAR, (_m, v: string) => {
      const val = given[v];
      if (val === undefined) throw new PromptError(`prompt ${name}: variable ${v} not set`);
      return val;
    }).trim();
  }
}
