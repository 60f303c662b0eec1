/**
 * A returned Word file's verdicts (issue 24 item 6): replies “误报” / “有用” under the comments the
 * bot wrote (author 笔杆子, each closing with a finding tag). Read in the parser process with the
 * rest of the file. A reply is a threaded reply (commentsExtended paraIdParent: Word, WPS, LibreOffice)
 * or, from editors that do not thread replies, a comment of the writer's on exactly the bot comment's range.
 */
import { parseVerdictReply, readFindingTag, type Verdict } from '../report/verdicts.js';
import { BOT_AUTHOR } from './review/comments.js';
import type { ReviewComment } from './review/model.js';
import { DocxPackage, PART } from './review/package.js';
import { readReview } from './review/read.js';

export interface WordVerdict {
  rule: string;
  hash: string;
  /** The bot's comment it answers (w:id), so the same file sent twice records once. */
  commentId: string;
  verdict: Verdict;
}

export interface WordVerdicts {
  verdicts: WordVerdict[];
  /** Replies under the bot's comments that are not a verdict (the writer discussing a finding). */
  otherReplies: number;
  /** Open comments by others (a leader's 批注): the review path has work to do. */
  otherComments: number;
}

const sameRange = (a: ReviewComment, b: ReviewComment) => Boolean(a.range && b.range)
  && a.range!.start.paragraph === b.range!.start.paragraph && a.range!.start.offset === b.range!.start.offset
  && a.range!.end.paragraph === b.range!.end.paragraph && a.range!.end.offset === b.range!.end.offset;

/** The verdicts in a .docx, or undefined when the bot wrote no comment in it (the common case costs one small part read). */
export async function readWordVerdicts(data: Buffer): Promise<WordVerdicts | undefined> {
  const pkg = await DocxPackage.open(data);
  const comments = await pkg.text(PART.comments);
  if (!comments?.includes(BOT_AUTHOR)) return undefined;
  const review = await readReview(data);
  const ours = review.comments.filter((c) => c.author === BOT_AUTHOR && readFindingTag(c.text));
  if (!ours.length) return undefined;
  const out: WordVerdicts = { verdicts: [], otherReplies: 0, otherComments: 0 };
  const take = (bot: ReviewComment, reply: ReviewComment): boolean => {
    const verdict = parseVerdictReply(reply.text);
    if (!verdict) return false;
    const tag = readFindingTag(bot.text)!;
    // The writer's last word on a comment counts: a later reply replaces an earlier one.
    out.verdicts = out.verdicts.filter((v) => v.commentId !== bot.id);
    out.verdicts.push({ rule: tag.rule, hash: tag.hash, commentId: bot.id, verdict });
    return true;
  };
  for (const bot of ours) {
    for (const reply of bot.replies) {
      if (reply.author === BOT_AUTHOR) continue;
      if (!take(bot, reply)) out.otherReplies++;
    }
  }
  for (const c of review.comments) {
    if (c.author === BOT_AUTHOR || c.done) continue;
    const on = parseVerdictReply(c.text) ? ours.find((b) => sameRange(b, c)) : undefined;
    if (on) take(on, c);
    else out.otherComments++;
  }
  return out;
}
