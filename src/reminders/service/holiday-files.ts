// Reads HOLIDAY_PATH at start: one arrangement file, or every *.txt / *.ics file of a directory
// (in name order, so a later file wins on the same day). Any bad line stops the start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HolidayFileError } from '../../core/errors.js';
import { ArrangementError, parseArrangement, type Arrangement } from '../arrangement.js';

export function loadArrangements(path: string): Arrangement[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => /\.(txt|ics)$/i.test(f)).sort().map((f) => join(path, f))
      : [path];
  } catch (err) {
    throw new HolidayFileError(`HOLIDAY_PATH: cannot read ${path}: ${(err as Error).message}`);
  }
  if (!files.length) throw new HolidayFileError(`HOLIDAY_PATH: ${path} has no .txt or .ics file`);
  return files.map((f) => {
    try {
      return parseArrangement(readFileSync(f, 'utf8'), f);
    } catch (err) {
      if (err instanceof ArrangementError) throw new HolidayFileError(`HOLIDAY_PATH: ${err.message}`);
      throw new HolidayFileError(`HOLIDAY_PATH: cannot read ${f}: ${(err as Error).message}`);
    }
  });
}
