// Whether a compiled file (dist/, from `npm run build`) is at least as new as every .ts file under src/:
// the launchers (bigan.mjs, start.mjs) run it then, and the sources through tsx otherwise.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Newest .ts under src/: a stat per file, a few milliseconds, so edits never run stale code. */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, mtime(p));
  }
  return newest;
}

/** -1: not built; 0: older than the sources; 1: fresh. */
export function freshness(compiled) {
  const builtAt = mtime(compiled);
  if (builtAt < 0) return -1;
  return builtAt >= newestSource(`${root}src`) ? 1 : 0;
}
