// The module hook for record-loads.mjs (it runs on the loader's own thread).
import { appendFileSync } from 'node:fs';

let file;
let pid;
export function initialize(data) {
  file = data.file;
  pid = data.pid;
}

export async function load(url, context, next) {
  appendFileSync(file, `${pid} ${url}\n`);
  return next(url, context);
}
