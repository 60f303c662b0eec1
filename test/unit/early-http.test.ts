/**
 * The port main.ts opens before the app loads (issue 25 item 3), over real HTTP on loopback: /healthz says the
 * process is alive and starting, /readyz that it is not ready, and an event posted meanwhile waits for the
 * app and gets the app's answer; once the app has taken the port, it answers everything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, earlyPort, listenEarly, type EarlyServer } from '../../src/early-http.js';
import { readConfig } from '../../src/config.js';

let early: EarlyServer | undefined;
afterEach(async () => {
  await new Promise((r) => early?.server.close(r) ?? r(undefined));
  early = undefined;
});

const portOf = (e: EarlyServer) => (e.server.address() as { port: number }).port;

describe('the early HTTP port', () => {
  it('answers /healthz 200 and /readyz 503 while starting; an event waits for the app and gets its answer', async () => {
    early = (await listenEarly(0))!;
    const base = `http://127.0.0.1:${portOf(early)}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, starting: true, ready: false });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);

    // Posted before the app is there: held, not refused.
    const arrived = new Promise((r) => early!.server.once('request', r));
    const posted = fetch(`${base}/feishu/events`, { method: 'POST', body: '{"challenge":"c1"}', headers: { 'content-type': 'application/json' } });
    await arrived;
    early.attach((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ path: req.url, echo: body }));
      });
    });
    const answered = await posted;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ path: '/feishu/events', echo: '{"challenge":"c1"}' });
    // The app answers /healthz from now on.
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ path: '/healthz', echo: '' });
  });

  it('an event held longer than the hold window is refused with 503 and Retry-After (Feishu pushes it again), not left hanging', async () => {
    early = (await listenEarly(0, 50))!;
    const res = await fetch(`http://127.0.0.1:${portOf(early)}/feishu/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: 'starting' });
    // The app attaching later finds nothing left to answer twice.
    let calls = 0;
    early.attach((_req, r) => {
      calls++;
      r.end();
    });
    expect(calls).toBe(0);
  });

  it('is closed when the app never takes it, and left to the app when it does', async () => {
    const unused = (await listenEarly(0))!;
    await unused.closeIfUnused();
    expect(unused.server.listening).toBe(false);
    early = (await listenEarly(0))!;
    early.attach((_req, res) => res.end('ok'));
    await early.closeIfUnused();
    expect(early.server.listening).toBe(true);
  });

  it('opens the port the config will use, only for a process that serves HTTP', () => {
    const env = { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718', FEISHU_APP_SECRET: 's', FEISHU_VERIFICATION_TOKEN: 'v' };
    expect(earlyPort(env)).toBe(readConfig(env).PORT);
    expect(DEFAULT_PORT).toBe(readConfig(env).PORT);
    expect(earlyPort({ ...env, PORT: '8081' })).toBe(8081);
    expect(earlyPort({ ROLE: 'worker', PORT: '8082' })).toBe(8082);
    // The console chat serves no HTTP; a bad PORT is left to the config to refuse.
    expect(earlyPort({ PORT: '8083' })).toBeUndefined();
    expect(earlyPort({ ...env, PORT: 'http' })).toBeUndefined();
  });
});
