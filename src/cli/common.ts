/** Helpers shared by the subcommands: usage errors and reading a UTF-8 text input. */
import { readFile } from 'node:fs/promises';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<string>;
  /** “Today” for periods and 今年; tests pin it. Default: the system's date. */
  now?: () => Date;
}

/** What `bigan --help` lists; the command's module is imported only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line, Chinese, for `bigan --help`. */
  summary: string;
  load: () => Promise<Command>;
}

export interface Command {
  name: string;
  /** Usage line(s), Chinese. */
  usage: string;
  /** Returns the exit code: 0 ok, 1 findings/failure, 2 usage error. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Print the message and the command's usage to stderr; exit code 2. */
export function usageError(io: CliIO, msg: string, usage: string): number {
  io.stderr(`${msg}\n\n${usage}\n`);
  return 2;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 strictly: a GBK file or a .docx must not be checked as mojibake. */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes).replace(/^\uFEFF/, '');
}

/** Why a file (or stdin) could not be read, in Chinese. */
function describeReadError(err: unknown, file: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '这是一个目录';
  if (code === 'EACCES') return '没有读取权限';
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
    return /\.docx?$/i.test(file) ? '这是 Word 文件，请先另存为 UTF-8 纯文本（.txt）' : '不是 UTF-8 编码的文本（如为 GBK 编码，请先另存为 UTF-8）';
  }
  return err instanceof Error ? err.message : String(err);
}

/** Read a UTF-8 text file, or stdin for "-"; on failure report to stderr and return null. */
export async function readTextInput(io: CliIO, file: string): Promise<string | null> {
  try {
    return file === '-' ? (await io.readStdin()).replace(/^\uFEFF/, '') : decodeUtf8(await readFile(file));
  } catch (err) {
    io.stderr(`无法读取${file === '-' ? '标准输入' : `文件 ${file}`}：${describeReadError(err, file)}\n`);
    return null;
  }
}

/** A day (2026-01-01) means its start in Beijing time (for `end`, its last millisecond); else an ISO time or epoch ms. NaN when bad. */
export function parseCliTime(v: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T00:00:00+08:00`) + (end ? 86_400_000 - 1 : 0);
  return /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}
