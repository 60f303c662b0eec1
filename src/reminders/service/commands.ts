// Reminder commands and their replies: set, list, cancel, edit (with the questions edits may need), the
// report calendar, and “要设为提醒吗？”. Scheduling is jobs.ts's, tasks are task-sync.ts's.
import { randomBytes } from 'node:crypto';
import type { ReminderCaller } from '../../core/reminders.js';
import { parseEdit } from '../edit.js';
import {
  formatCancelled, formatConfirmation, ledgerCancelled, ledgerSetNote, LEDGER_NONE, formatEditQuestion, formatList, formatNotFound, formatNotOwner, formatOffer, formatWhich, ruleText, yearsOf, type TaskState,
} from '../format.js';
import { uncoveredLine } from '../calendar.js';
import { ctxOf, ParseError, parseSchedule, type ReminderCommand } from '../parse.js';
import { adjustProposal, formatProposal, proposalSpec, proposeCalendar, type Proposal } from '../preset.js';
import type { ReminderSpec } from '../types.js';
import type { FireSchedule } from './jobs.js';
import type { ReminderRecord, ReminderStore } from './store.js';
import { hasDeadline, type TaskSync } from './task-sync.js';

/** “只改下一次，还是改规则？” waiting for its answer. */
interface EditChoice { shortId: number; version: number; once?: ReminderSpec; rule?: ReminderSpec }

export class ReminderCommands {
  constructor(
    private readonly store: ReminderStore,
    private readonly schedule: FireSchedule,
    private readonly tasks: TaskSync,
    private readonly o: { timezone: string; now: () => number },
  ) {}

  /** The reply; null when the message answers a question nobody asked (“好的”): it is chat then. */
  async handle(command: ReminderCommand, caller: ReminderCaller, now: Date): Promise<string | null> {
    try {
      return await this.dispatch(command, caller, now);
    } catch (e) {
      if (e instanceof ParseError) return e.message;
      throw e;
    }
  }

  private async dispatch(command: ReminderCommand, caller: ReminderCaller, now: Date): Promise<string | null> {
    const tz = this.o.timezone;
    switch (command.kind) {
      case 'error':
        return command.message;
      case 'list': {
        const mine = await this.mine(caller);
        await this.store.setFocus(caller.chatId, caller.openId, mine.map((r) => r.shortId));
        const tasks = await this.store.getTasks(mine.map((r) => r.rid));
        return formatList(mine.map((r) => ({ ...r, task: tasks.get(r.rid) ? 'linked' as const : undefined })), tz, now, caller.chatType);
      }
      case 'set':
        return this.set(command.spec, caller, now);
      case 'offer':
        await this.store.setPending('offer', caller.chatId, caller.openId, { text: command.text }, 3600);
        return formatOffer(command.text, command.spec, tz);
      case 'affirm':
      case 'preset-confirm': {
        const offer = await this.store.getPending<{ text: string }>('offer', caller.chatId, caller.openId);
        const preset = await this.store.getPending<Proposal[]>('preset', caller.chatId, caller.openId);
        if (offer && !(command.kind === 'preset-confirm' && preset)) {
          await this.store.deletePending('offer', caller.chatId, caller.openId);
          // Read again now: the time may have moved on since the question.
          return this.set(parseSchedule(offer.text, ctxOf({ now, timezone: tz })), caller, now);
        }
        if (preset) return this.confirmPreset(preset, caller, now);
        if (command.kind === 'affirm') return null;
        return '现在没有等待确认的事项。要设置意识形态报告的年度提醒，请发送“设置意识形态报告提醒”。';
      }
      case 'preset': {
        const proposal = proposeCalendar(ctxOf({ now, timezone: tz }));
        await this.store.setPending('preset', caller.chatId, caller.openId, proposal, 7 * 86400);
        return formatProposal(proposal, { tasks: this.tasks.on });
      }
      case 'preset-adjust': {
        const proposal = await this.store.getPending<Proposal[]>('preset', caller.chatId, caller.openId);
        if (!proposal) return '现在没有待调整的报告日程。请先发送“设置意识形态报告提醒”，看过建议的日期后再调整。';
        return this.confirmPreset(adjustProposal(proposal, command.items, ctxOf({ now, timezone: tz })), caller, now);
      }
      case 'ledger-cancel': {
        const all = (await this.store.listByChat(caller.chatId)).filter((r) => r.spec.ledger);
        const mine = all.filter((r) => r.creatorOpenId === caller.openId);
        if (!mine.length) return all.length ? formatNotOwner(all[0]!.shortId, 'cancel') : LEDGER_NONE;
        for (const rec of mine) {
          await this.schedule.unschedule(rec);
          await this.store.delete(rec.chatId, rec.shortId);
        }
        return ledgerCancelled(mine.map((r) => r.shortId));
      }
      case 'cancel': {
        const rec = await this.store.get(caller.chatId, command.id);
        if (!rec) return formatNotFound(command.id);
        if (rec.creatorOpenId !== caller.openId) return formatNotOwner(command.id, 'cancel');
        await this.schedule.unschedule(rec);
        await this.store.delete(rec.chatId, rec.shortId);
        const linked = await this.tasks.linked(rec.rid);
        if (linked) await this.tasks.enqueue(rec, 'del');
        return formatCancelled(rec) + (linked ? '\n对应的飞书任务也会一并删除。' : '');
      }
      case 'edit': {
        if (command.id !== undefined) return this.edit(command.id, command.text, caller, now);
        // “改到下午4点”: the reminder just set, edited or listed; several → ask which.
        const ids = await this.store.getFocus(caller.chatId, caller.openId);
        const candidates = (await this.mine(caller)).filter((r) => ids.includes(r.shortId));
        if (candidates.length === 1) return this.edit(candidates[0]!.shortId, command.text, caller, now);
        if (!candidates.length) return '要修改哪一个提醒？请带上编号，例如“把第2个提醒改到下午4点”。发送“我的提醒”可以查看编号。';
        await this.store.setPending('pick', caller.chatId, caller.openId, { text: command.text, ids: candidates.map((r) => r.shortId) }, 3600);
        return formatWhich(candidates, command.text, tz, now);
      }
      case 'pick': {
        const p = await this.store.getPending<{ text: string; ids: number[] }>('pick', caller.chatId, caller.openId);
        if (!p) return null;
        await this.store.deletePending('pick', caller.chatId, caller.openId);
        return this.edit(command.id, p.text, caller, now);
      }
      case 'edit-choice': {
        const p = await this.store.getPending<EditChoice>('edit', caller.chatId, caller.openId);
        if (!p) return '现在没有等待你选择的修改。要修改提醒，请说“把第2个提醒改到7月5日”。';
        const rec = await this.store.get(caller.chatId, p.shortId);
        if (!rec || rec.version !== p.version) {
          await this.store.deletePending('edit', caller.chatId, caller.openId);
          return `提醒 #${p.shortId} 在这期间已被修改或取消，请重新说一次要怎么改。`;
        }
        const spec = command.choice === 'once' ? p.once : p.rule;
        if (!spec) return '这个提醒的周期没有可以改的日子（例如每天、每个工作日）。要换周期请直接说，例如“把第2个提醒改成每周四”；只改下一次请回复“只改下一次”。';
        await this.store.deletePending('edit', caller.chatId, caller.openId);
        return this.applyEdit(rec, spec, caller);
      }
    }
  }

  private async mine(caller: ReminderCaller): Promise<ReminderRecord[]> {
    return (await this.store.listByChat(caller.chatId)).filter((r) => r.creatorOpenId === caller.openId);
  }

  private async set(spec: ReminderSpec, caller: ReminderCaller, now: Date): Promise<string> {
    // One 记台账 reminder per writer and chat: a new one replaces the old, so a month never gets two.
    const replaced = spec.ledger ? (await this.mine(caller)).filter((r) => r.spec.ledger) : [];
    for (const old of replaced) {
      await this.schedule.unschedule(old);
      await this.store.delete(old.chatId, old.shortId);
    }
    const rec = await this.create(spec, caller, now);
    await this.store.setFocus(caller.chatId, caller.openId, [rec.shortId]);
    const text = formatConfirmation(rec, this.o.timezone, { task: await this.tasks.stateFor(rec) });
    return spec.ledger ? `${text}\n${ledgerSetNote(replaced.map((r) => r.shortId))}` : text;
  }

  private async confirmPreset(proposal: Proposal[], caller: ReminderCaller, now: Date): Promise<string> {
    const ctx = ctxOf({ now, timezone: this.o.timezone });
    const specs = proposal.map((p) => proposalSpec(p, ctx));
    await this.store.deletePending('preset', caller.chatId, caller.openId);
    const parts: string[] = [];
    const ids: number[] = [];
    for (const spec of specs) {
      const rec = await this.create(spec, caller, now);
      ids.push(rec.shortId);
      parts.push(formatConfirmation(rec, this.o.timezone, { task: await this.tasks.stateFor(rec), calendarNote: false }));
    }
    await this.store.setFocus(caller.chatId, caller.openId, ids);
    // One 调休尚未公布 line for the whole answer, covering every year the deadlines touch.
    const note = uncoveredLine(specs.flatMap((s) => yearsOf(s, this.o.timezone)));
    return [`已设置${specs.length}个意识形态工作报告节点：`, ...parts, ...(note ? [`注：${note}`] : [])].join('\n\n');
  }

  private async edit(id: number, text: string, caller: ReminderCaller, now: Date): Promise<string> {
    const rec = await this.store.get(caller.chatId, id);
    if (!rec) return formatNotFound(id);
    if (rec.creatorOpenId !== caller.openId) return formatNotOwner(id, 'edit');
    const res = parseEdit(text, rec.spec, { now, timezone: this.o.timezone });
    if (res.kind === 'ask') {
      const choice: EditChoice = { shortId: rec.shortId, version: rec.version, once: res.once, rule: res.rule };
      await this.store.setPending('edit', caller.chatId, caller.openId, choice, 86400);
      await this.store.setFocus(caller.chatId, caller.openId, [rec.shortId]);
      const newRule = res.rule?.recurrence && ruleText(res.rule.recurrence);
      return formatEditQuestion(rec, res.date, newRule, this.o.timezone, res.once?.notes);
    }
    return this.applyEdit(rec, res.spec, caller);
  }

  private async applyEdit(rec: ReminderRecord, spec0: ReminderSpec, caller: ReminderCaller): Promise<string> {
    await this.schedule.unschedule(rec);
    const spec: ReminderSpec = { ...spec0, what: spec0.what || rec.spec.what };
    const next: ReminderRecord = { ...rec, spec, version: rec.version + 1 };
    // Saved before scheduling, so a job due at once finds the new version.
    await this.store.save(next);
    await this.schedule.schedule(next, this.o.now());
    await this.store.setFocus(caller.chatId, caller.openId, [next.shortId]);
    // A one-off deadline's task the writer already ticked off stays as it is (one GET, before the sync is queued).
    const linked = await this.tasks.linkedOrDone(rec);
    if (linked || hasDeadline(spec)) await this.tasks.enqueue(next, `v${next.version}`);
    let task: TaskState | undefined = await this.tasks.stateFor(next);
    if (linked && task !== 'no-scope') {
      // Say what will happen to the task that exists: done stays done; a due date moves only when it changes.
      const due = this.tasks.dueOf(next, linked);
      task = linked.done && !spec.recurrence ? 'done' : !due ? task : due.dueMs !== linked.dueMs ? 'updating' : 'unchanged';
    }
    return formatConfirmation(next, this.o.timezone, { edited: true, task });
  }

  private async create(spec: ReminderSpec, caller: ReminderCaller, now: Date): Promise<ReminderRecord> {
    const rec = await this.store.create({
      rid: randomBytes(6).toString('hex'),
      chatId: caller.chatId,
      chatType: caller.chatType,
      creatorOpenId: caller.openId,
      sourceMessageId: caller.messageId,
      threadRootMessageId: caller.rootMessageId,
      spec,
    }, now);
    await this.schedule.schedule(rec, Math.max(this.o.now(), now.getTime()));
    if (hasDeadline(spec) && this.tasks.on) await this.tasks.enqueue(rec, 'v1');
    return rec;
  }
}
