import type { ChatMessage } from '../core/message.js';
import { OPEN_PLACEHOLDER_RE, type PiiVault } from './pii.js';
import { withoutMaterial } from './spotlight.js';

/**
 * The output guard: what a model answer may not carry unless the request gave it — a run of the
 * system prompt (a leak), an `<at>` mention or @所有人, a URL, a Feishu chat/user/message id. Such
 * spans are removed as the answer streams; the caller logs the counts by kind, never the text.
 */
export type GuardKind = 'system-prompt' | 'mention' | 'url' | 'feishu-id';

/** A verbatim run of the system prompt this long is a leak (fixed expressions it lists are shorter). */
export const LEAK_MIN_CHARS = 40;
/** The beginnings of a link, a mention or an id at the end of what has arrived: held until they end. */
const PARTIAL_RE = /(?:h(?:t(?:t(?:p(?:s)?(?::\/{0,2})?)?)?)?|w{1,3}\.?|[@＠][^\s]{0,4}|o(?:[cunm](?:_[0-9A-Za-z]{0,9})?)?)$/i;

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'“”‘’（）()【】《》，。；、！？]+/gi;
const AT_RE = /<at\b[^>]*>[^<]{0,80}?<\/at>|<at\b[^>]*>|<\/at>|[@＠](?:所有人|全体成员|all\b|_all\b)/gi;
const ID_RE = /(?<![0-9A-Za-z_])o[cunm]_[0-9A-Za-z]{10,}/g;

interface Span {
  start: number;
  end: number;
  /** Null: removed; else the replacement (a restored personal value). */
  replace: string | null;
  kind?: GuardKind;
  /** Still arriving: held, never removed or shown yet. */
  open?: boolean;
}

const hostOf = (url: string): string => url.replace(/^(?:https?:\/\/)?/i, '').split(/[/?#:]/)[0]!.toLowerCase();

export class OutputGuard {
  private readonly system: string[];
  private readonly given: string;
  private readonly hosts: Set<string>;
  private raw = '';
  private done = 0;
  readonly removed: Record<GuardKind, number> = { 'system-prompt': 0, mention: 0, url: 0, 'feishu-id': 0 };

  constructor(messages: readonly ChatMessage[], private readonly vault?: PiiVault) {
    this.system = messages.filter((m) => m.role === 'system').map((m) => m.content);
    // What the writer's side gave (words, history), material blocks excepted: a link or id a file carries is
    // data, and the model has no reason to emit it (an injected link would ride in that way).
    this.given = messages.filter((m) => m.role !== 'system').map((m) => withoutMaterial(m.content)).join('\n');
    this.hosts = new Set([...this.given.matchAll(URL_RE)].map((m) => hostOf(m[0])));
  }

  /** How many spans were removed in all. */
  get total(): number {
    return Object.values(this.removed).reduce((a, b) => a + b, 0);
  }

  /** Feed a delta; returns the text that is now safe to show. */
  push(delta: string): string {
    this.raw += delta;
    return this.flush(false);
  }

  /** The stream ended: the rest. */
  end(): string {
    return this.flush(true);
  }

  private flush(final: boolean): string {
    const window = this.raw.slice(this.done);
    const spans = this.spans(window);
    let cut = window.length;
    if (!final) {
      // Held back only what may still become a span: a tail the system prompt contains, a link, mention or id beginning.
      for (let i = Math.max(0, window.length - LEAK_MIN_CHARS); i < window.length; i++) {
        if (this.inSystem(window.slice(i))) {
          cut = i;
          break;
        }
      }
      const partial = PARTIAL_RE.exec(window);
      if (partial) cut = Math.min(cut, partial.index);
      // A span reaching the end may still grow; a tag or placeholder still open may become one.
      for (const s of spans) if (s.end >= window.length || s.open) cut = Math.min(cut, s.start);
      const lt = window.lastIndexOf('<');
      if (lt >= 0 && window.length - lt < 240 && !window.includes('>', lt)) cut = Math.min(cut, lt);
      const open = OPEN_PLACEHOLDER_RE.exec(window);
      if (open) cut = Math.min(cut, open.index);
      // A span that started before the cut is taken whole, now that it is complete.
      for (const s of spans) if (s.start < cut && s.end > cut) cut = s.end;
    }
    let out = '';
    let at = 0;
    for (const s of spans) {
      if (s.start >= cut || s.start < at) continue;
      out += window.slice(at, s.start);
      if (s.replace !== null) out += s.replace;
      else if (s.kind) this.removed[s.kind]++;
      at = s.end;
    }
    out += window.slice(at, Math.max(at, cut));
    this.done += Math.max(at, cut);
    return out;
  }

  private spans(text: string): Span[] {
    const spans: Span[] = [];
    for (const m of text.matchAll(AT_RE)) {
      if (!this.given.includes(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, replace: null, kind: 'mention' });
    }
    for (const m of text.matchAll(URL_RE)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      // A link reaching the end may still be arriving (its trailing dot may be its next label's).
      const open = m.index + m[0].length >= text.length;
      const allowed = this.hosts.has(hostOf(url));
      if (open || !allowed) spans.push({ start: m.index, end: m.index + url.length, replace: allowed ? url : null, kind: 'url', ...(open ? { open } : {}) });
    }
    for (const m of text.matchAll(ID_RE)) {
      if (!this.given.includes(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, replace: null, kind: 'feishu-id' });
    }
    spans.push(...this.leaks(text));
    if (this.vault?.size) {
      const re = /[〔【[]\s*(?:身份证号|手机号|银行卡号)\s*\d{1,3}\s*[〕】\]]/g;
      for (const m of text.matchAll(re)) {
        const back = this.vault.restore(m[0]);
        if (back !== m[0]) spans.push({ start: m.index, end: m.index + m[0].length, replace: back });
      }
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    // Overlaps: the earlier (longer) span wins.
    const out: Span[] = [];
    for (const s of spans) {
      const last = out[out.length - 1];
      if (last && s.start < last.end) {
        if (s.end > last.end && s.replace === null && last.replace === null) last.end = s.end;
        continue;
      }
      out.push({ ...s });
    }
    return out;
  }

  private inSystem(x: string): boolean {
    return this.system.some((p) => p.includes(x));
  }

  /** Runs of at least LEAK_MIN_CHARS characters copied from a system message the request did not also carry. */
  private leaks(text: string): Span[] {
    if (!this.system.length) return [];
    const out: Span[] = [];
    const inSystem = (x: string) => this.inSystem(x);
    let i = 0;
    while (i + LEAK_MIN_CHARS <= text.length) {
      if (!inSystem(text.slice(i, i + LEAK_MIN_CHARS))) {
        i++;
        continue;
      }
      let end = i + LEAK_MIN_CHARS;
      while (end < text.length && inSystem(text.slice(i, end + 1))) end++;
      const run = text.slice(i, end);
      if (!this.given.includes(run)) out.push({ start: i, end, replace: null, kind: 'system-prompt' });
      i = end;
    }
    return out;
  }
}
