/**
 * The office calendar at the turn of the year, through a Feishu thread (the real SDK against the fake
 * Open API) with the app's clock pinned to Sunday 2026-12-06 10:00, Beijing: the package has no 2027
 * data, so 2027 comes from the statutory rule until an arrangement file is loaded (HOLIDAY_PATH).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';
import { messageIdOf, textEvent } from '../support/events.js';
import { EVENT_CEILING_MS } from '../support/wait.js';
import { fixedClock } from '../../src/core/clock.js';
import { HolidayFileError } from '../../src/core/errors.js';
import { dayInfo, setArrangements } from '../../src/reminders/calendar.js';
import { ruleRestDays } from '../../src/reminders/holidays.js';

const TZ = 'Asia/Shanghai';
const clock = fixedClock('2026-12-06T10:00:00+08:00');
const SAMPLE = join(import.meta.dirname, '../fixtures/holidays/2027-sample.txt');

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  setArrangements([]);
});

async function ask(x: Harness, text: string, chatId = 'oc_p2p_calendar'): Promise<string> {
  const ev = textEvent(text, { chatId });
  expect((await x.post(ev)).status).toBe(200);
  const id = messageIdOf(ev);
  await x.feishu.waitFor(() => x.feishu.repliesTo(id).some((m) => !x.feishu.isStreaming(m) && x.feishu.textOf(m).length > 0), EVENT_CEILING_MS, `reply to ${id}`);
  const replies = x.feishu.repliesTo(id);
  expect(replies).toHaveLength(1);
  return x.feishu.textOf(replies[0]!);
}

/** Every date with a time written in a reply (fire times), as luxon dates in Beijing. */
const fireDates = (text: string) => [...text.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日（星期.）\d\d:\d\d/g)]
  .map((m) => DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: TZ }));

describe('December 2026, no arrangement for 2027 loaded', () => {
  it('the preset puts nothing on 元旦 2027 or any statutory holiday, and says 2027 调休 is not published', async () => {
    h = await startHarness({ clock: () => clock.now(), env: { FEISHU_TASKS: 'off' } });
    const proposal = await ask(h, '设置意识形态报告提醒');
    expect(proposal).toContain('1. 年度报告：2027年1月8日（星期五）前');
    expect(proposal).toContain('2027年调休尚未公布');
    const done = await ask(h, '确认');
    console.log(`[calendar] preset confirmed on 2026-12-06:\n${done}`);
    expect(done).toContain('已设置3个意识形态工作报告节点');
    const fires = fireDates(done);
    expect(fires.length).toBeGreaterThanOrEqual(6);
    for (const f of fires) {
      expect(f.toISODate(), done).not.toBe('2027-01-01');
      expect(ruleRestDays(f.year).has(f.toISODate()!), `${f.toISODate()} is a statutory holiday`).toBe(false);
      expect(dayInfo(f).work, f.toISODate()!).toBe(true);
    }
    expect(done).toContain('2027年调休尚未公布');
    expect(done.match(/调休尚未公布/g)).toHaveLength(1);
  });

  it('节后第一个工作日 is Monday 2027-01-04, with the one line that 调休 is not published; /healthz names the rule', async () => {
    h = await startHarness({ clock: () => clock.now() });
    const text = await ask(h, '节后第一个工作日提醒我报送值班情况');
    console.log(`[calendar] 节后第一个工作日 on 2026-12-06, no file:\n${text}`);
    expect(text).toContain('✅ 已设置提醒 #1：报送值班情况');
    expect(text).toContain('· 2027年1月4日（星期一）09:00');
    expect(text).toContain('注：2027年调休尚未公布：法定节假日按《全国年节及纪念日放假办法》推算');
    expect(text).not.toMatch(/[{}]|"level"|chinese-days/);
    const health = (await h.get('/healthz')).body as { details: { calendar: Record<string, string> } };
    console.log(`[calendar] /healthz details.calendar, no file: ${JSON.stringify(health.details.calendar)}`);
    expect(health.details.calendar['2026']).toMatch(/^chinese-days \d/);
    expect(health.details.calendar['2027']).toMatch(/^rule/);
  });
});

describe('a 2027 arrangement loaded from HOLIDAY_PATH', () => {
  it('beats the rule: no 调休尚未公布 line, the 调休 Saturday is a working day, the Spring Festival ends when the file says; /healthz names the file', async () => {
    h = await startHarness({ clock: () => clock.now(), env: { HOLIDAY_PATH: SAMPLE } });
    const text = await ask(h, '节后第一个工作日提醒我报送值班情况');
    console.log(`[calendar] 节后第一个工作日 on 2026-12-06, sample 2027 file:\n${text}`);
    expect(text).toContain('· 2027年1月4日（星期一）09:00');
    expect(text).not.toContain('调休尚未公布');
    // 2027-02-20 is a Saturday, a working day in the file (the rule alone would move it to Friday)
    const sat = await ask(h, '2027年2月20日提醒我交值班表');
    expect(sat).toContain('· 2027年2月20日（星期六）09:00');
    // the Spring Festival holiday in the file ends on 2月12日: the 13th–14th are a weekend, the 15th the first working day
    const spring = await ask(h, '2027年2月12日提醒我交材料');
    expect(spring).toContain('2月12日（星期五）是春节假期，提醒提前到2月4日（星期四）');
    const health = (await h.get('/healthz')).body as { details: { calendar: Record<string, string> } };
    console.log(`[calendar] /healthz details.calendar, sample 2027 file: ${JSON.stringify(health.details.calendar)}`);
    expect(health.details.calendar['2027']).toBe(`file ${SAMPLE}`);
    expect(health.details.calendar['2026']).toMatch(/^chinese-days \d/);
  });

  it('the same message without the file moves the Saturday off and keeps the Spring Festival of the rule', async () => {
    h = await startHarness({ clock: () => clock.now() });
    expect(await ask(h, '2027年2月20日提醒我交值班表')).toContain('2月20日是星期六，提醒提前到2月19日（星期五）');
    // by the rule: 除夕 to 初三 (2月5日–8日) and 补假 for the weekend's two days on 9–10 February
    expect(await ask(h, '2027年2月10日提醒我交材料')).toContain('2月10日（星期三）是春节补假，提醒提前到2月4日（星期四）');
  });

  it('a bad line stops the start and names the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigan-holidays-'));
    writeFileSync(join(dir, '2027.txt'), 'year 2027\n2027-01-01 休 元旦\n2027-02-30 休 春节\n');
    await expect(startHarness({ clock: () => clock.now(), env: { HOLIDAY_PATH: dir } })).rejects.toThrow(HolidayFileError);
    await expect(startHarness({ clock: () => clock.now(), env: { HOLIDAY_PATH: dir } })).rejects.toThrow(`${join(dir, '2027.txt')} line 3: "2027-02-30" is not a date`);
  });
});
