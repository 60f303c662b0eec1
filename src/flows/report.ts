/**
 * Report drafting services, independent of Feishu and the queue: outline, section,
 * revision and full draft. Online they stream the model; offline (model.online false)
 * they build the text from the genre and theme tables with visible placeholders.
 * State is a plain serialisable object the caller persists per thread.
 */
export { newThreadState, ReportFlowError } from './report-services/common.js';
export type { OnText, ReportThreadState, SectionText } from './report-services/common.js';
export { draftOutline } from './report-services/outline.js';
export type { DraftOutlineArgs, OutlineResult } from './report-services/outline.js';
export { cleanSectionText, draftSection, offlineRevise, offlineSectionText, reviseSection, splitPartText } from './report-services/sections.js';
export type { DraftSectionArgs, ReviseSectionArgs, SectionsResult } from './report-services/sections.js';
export { draftDocument, draftFull, runDraftCommand, signOff } from './report-services/full.js';
export type { DraftFullArgs, FullResult } from './report-services/full.js';
