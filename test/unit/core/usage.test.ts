import { describe, expect, it } from 'vitest';
import { FeishuApiError } from '../../../src/core/errors.js';
import { formatFindings, parseFindings, usageCsv, usageSummary, type UsageRecord } from '../../../src/core/usage.js';
import { feishuDepartments } from '../../../src/feishu/departments.js';

const DEC = Date.parse('2026-12-15T10:00:00+08:00');
// 2026-12-31 23:30 UTC is already January in Beijing.
const NEW_YEAR_BEIJING = Date.parse('2026-12-31T23:30:00Z');

describe('usage summary', () => {
  it('counts by month (bot zone), chat and department; refusals, failures, verdicts and findings; deletions left out', async () => {
    const records: UsageRecord[] = [
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'outline', outcome: 'ok' },
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'full', outcome: 'failed' },
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'critique', outcome: 'ok', findings: 'typo:2 placeholder:1' },
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'file-critique', outcome: 'ok', findings: 'typo:1' },
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'refusal', outcome: 'refused' },
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'verdict', outcome: 'ok' },
      { time: DEC, chat: 'oc_a', user: 'ou_1', kind: 'delete-user', outcome: 'ok' },
      { time: DEC, chat: 'oc_a', user: 'ou_2', kind: 'clouddoc', outcome: 'ok' },
      { time: NEW_YEAR_BEIJING, chat: 'oc_a', user: 'ou_1', kind: 'reminder', outcome: 'ok' },
    ];
    const rows = await usageSummary(records, { timezone: 'Asia/Shanghai', departmentOf: (u) => Promise.resolve(u === 'ou_1' ? 'od-1' : '未知') });
    expect(rows.map((r) => [r.month, r.department])).toEqual([['2026-12', 'od-1'], ['2026-12', '未知'], ['2027-01', 'od-1']]);
    expect(rows[0]).toMatchObject({ jobs: 4, drafts: 2, failed: 1, critiques: 1, fileCritiques: 1, refusals: 1, verdicts: 1, findings: { typo: 3, placeholder: 1 } });
    expect(rows[1]).toMatchObject({ jobs: 1, exports: 1 });
    expect(rows[2]).toMatchObject({ reminders: 1 });
    expect(usageCsv(rows).split('\r\n')[1]).toBe('2026-12,oc_a,od-1,4,2,1,1,0,0,1,1,1,placeholder:1 typo:3');
  });

  it('the findings field round-trips and ignores anything that is not family:count', () => {
    expect(formatFindings({ typo: 2, numbers: 0, evidence: 1 })).toBe('evidence:1 typo:2');
    expect(parseFindings('evidence:1 typo:2 任意文字 x:y')).toEqual({ evidence: 1, typo: 2 });
  });
});

describe('departments from the contact API', () => {
  const err = (kind: string, retryable: boolean, status = 400) => new FeishuApiError('contact.user.get', 1, 'x', status, kind, retryable);

  it('caches a department for a day, a failure for a minute; a missing scope stops the calls for an hour', async () => {
    let now = 0;
    const calls: string[] = [];
    const answers = new Map<string, () => Promise<string[]>>([
      ['ou_1', () => Promise.resolve(['od-1', 'od-2'])],
      ['ou_2', () => Promise.reject(err('server', true, 500))],
    ]);
    const dept = feishuDepartments({ userDepartments: (id) => { calls.push(id); return answers.get(id)!(); } }, { now: () => now });
    expect(await dept('ou_1')).toBe('od-1');
    expect(await dept('ou_1')).toBe('od-1');
    expect(await dept('ou_2')).toBe('未知');
    expect(await dept(undefined)).toBe('未知');
    expect(calls).toEqual(['ou_1', 'ou_2']);
    now = 61_000;
    answers.set('ou_2', () => Promise.resolve(['od-9']));
    expect(await dept('ou_2')).toBe('od-9');
    expect(await dept('ou_1')).toBe('od-1');
    expect(calls).toEqual(['ou_1', 'ou_2', 'ou_2']);
    now = 25 * 3_600_000;
    answers.set('ou_1', () => Promise.reject(err('no-scope', false)));
    expect(await dept('ou_1')).toBe('未知');
    expect(await dept('ou_2')).toBe('未知');
    expect(calls).toEqual(['ou_1', 'ou_2', 'ou_2', 'ou_1']);
  });

  it('keeps at most `max` users', async () => {
    const calls: string[] = [];
    const dept = feishuDepartments({ userDepartments: (id) => { calls.push(id); return Promise.resolve([`od-${id}`]); } }, { max: 2 });
    for (const u of ['a', 'b', 'c', 'a']) await dept(u);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
