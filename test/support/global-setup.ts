import 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { startPrivateRedis } from './redis.js';
import { repoRoot } from './spawn.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    /** src/cli/main.ts compiled to one JavaScript file: process-level CLI tests run it with plain node. */
    cliBundle: string;
  }
}

/**
 * Compile the CLI once per run (under .data so its node_modules imports resolve): starting it
 * through tsx costs seconds per call on a busy machine, plain node a fraction of that.
 */
async function buildCli(): Promise<{ path: string; remove: () => void }> {
  const parent = join(repoRoot, '.data');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'test-cli-'));
  const path = join(dir, 'bigan.mjs');
  await build({ entryPoints: [join(repoRoot, 'src/cli/main.ts')], outfile: path, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One private redis-server for the whole run (or REDIS_URL when given); tests isolate by key prefix. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = await buildCli();
  project.provide('cliBundle', cli.path);
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return () => Promise.resolve(cli.remove());
  }
  const redis = await startPrivateRedis();
  project.provide('redisUrl', redis.url);
  return async () => {
    cli.remove();
    await redis.stop();
  };
}
