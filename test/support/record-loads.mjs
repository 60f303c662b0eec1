// Loaded with `node --import ./test/support/record-loads.mjs …`: every module URL a process loads is appended
// to $BIGAN_RECORD_LOADS as "<pid> <url>" (a forked worker inherits the flag and records under its own pid).
import { register } from 'node:module';

if (process.env.BIGAN_RECORD_LOADS) register('./record-loads-hook.mjs', import.meta.url, { data: { file: process.env.BIGAN_RECORD_LOADS, pid: process.pid } });
