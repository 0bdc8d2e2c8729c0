// Reading an input file for the command line: its size is checked against the input limits
// before a byte is read, and every failure is a one-line UsageError (exit code 2).
import { readFileSync, statSync } from 'node:fs';
import { checkInputBytes, type InputKind } from '../domain/limits';
import { UsageError } from './args';

/** The file's text, or a UsageError naming `what` and the problem (missing, too large, …). */
export function readInputFile(path: string, kind: InputKind, what: string): string {
  let text: string;
  try {
    const tooLarge = checkInputBytes(kind, statSync(path).size);
    if (tooLarge) throw new UsageError(`${what} ${path}: ${tooLarge}`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  return text;
}
