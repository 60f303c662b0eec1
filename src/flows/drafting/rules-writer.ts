// The writing port's rules adapter: the genre's templates and the report rules (src/report/offline-text.ts), no model.
import { addressLabel, parseAddress, partAddress, sectionAddress } from '../../report/draft.js';
import { partChars, sectionChars } from '../../report/lengths.js';
import { offlineRevise, offlineSectionText } from '../../report/offline-text.js';
import { buildOfflineOutline, checkOutline, renderOutline } from '../../report/outline.js';
import type { OutlineResult, SectionJob, WriteArgs, Writer, Written } from '../writer.js';
import type { SectionText } from './state.js';

const OFFLINE_TAIL = '（离线模式：未配置大模型，以上为规则检查结果。配置 OPENAI_API_KEY 后，还会从结构、逻辑、具体性和套话等方面给出点评，并示范改写最薄弱的一段。）';

/** Rule-based text is there at once: shown whole. */
function sectionNow(a: WriteArgs, job: SectionJob): Written {
  const { part, section } = parseAddress(job.addr);
  const text = offlineSectionText(job.outline, part, section, job.req, job.chars);
  a.onText?.(text, text);
  return { section: { address: job.addr, label: addressLabel(job.outline, job.addr), text }, removed: [] };
}

export const RULES_WRITER: Writer = {
  author: () => '离线模板（未调用模型）',

  outline(a, req, genre): Promise<OutlineResult> {
    const outline = buildOfflineOutline(req, genre, a.now);
    const text = renderOutline(outline);
    a.onText?.(text, text);
    return Promise.resolve({ outline, text, repaired: false, defects: checkOutline(outline, genre, { ...req, genre: genre.id }), offline: true, removed: [] });
  },

  section: (a, job) => Promise.resolve(sectionNow(a, job)),

  /** Section by section; a length the writer asked for is kept, each section getting its share. */
  part(a, job) {
    const { outline, req } = job;
    const i = job.part - 1;
    const p = outline.parts[i]!;
    const asked = req.length ? (p.sections.length ? sectionChars(req, outline, i) : partChars(req, outline, i)) : undefined;
    const covers = p.sections.length ? p.sections.map((_s, j) => sectionAddress(job.part, j + 1)) : [partAddress(job.part)];
    const texts: SectionText[] = covers.map((addr) => sectionNow({ ...a, onText: undefined }, { ...job, addr, ...(asked !== undefined ? { chars: asked } : {}) }).section);
    return Promise.resolve({ texts, removed: [] });
  },

  /** The section as 写 gives it, then condensed or expanded, so 精简 is never longer than 写; a named length or 重写 writes at once. */
  reviseFresh(a, job) {
    if (job.asked !== undefined || job.op === 'rewrite') return Promise.resolve(sectionNow(a, { ...job, chars: job.asked }));
    const plain = sectionNow({ ...a, onText: undefined }, { ...job, chars: undefined }).section;
    const text = offlineRevise(job.op, plain.text, job.chars, job.outline, job.addr, job.req);
    a.onText?.(text, text);
    return Promise.resolve({ section: { ...plain, text }, removed: [] });
  },

  revise(a, job) {
    const text = offlineRevise(job.op, job.current, job.chars, job.outline, job.addr, job.req);
    a.onText?.(text, text);
    return Promise.resolve({ text, removed: [] });
  },

  async critique(a, job) {
    await a.card.finish(`${job.head}\n\n${OFFLINE_TAIL}`);
    return '';
  },

  // The rules decide a review: the critic's exact fixes in the commented passages, nothing else.
  reviewComments() {
    return Promise.resolve(null);
  },
};
