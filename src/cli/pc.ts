// `cli pc <file.cdm> [...] [--hbr-m <m>] [--format json|text]`: the 2D collision probability of
// every message in CDM files (KVN or XML), one line per message. JSON lines:
//   {"file","tca","missM","relSpeedMS","hbrM","pc","method"}
// HBR: --hbr-m, else the message's `COMMENT HBR`, else object 1's EXCLUSION_VOLUME_RADIUS.
// Unreadable files or rejected messages: what could be read is printed, then exit code 2 with a
// one-line reason (each problem also on stderr).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCdm } from '../domain/cdm/parse';
import { checkInputBytes } from '../domain/limits';
import { cdmPc } from '../domain/cdm/pc';
import { numberOption, parseFilesAndOptions, UsageError } from './args';

export const PC_HELP = `usage: cli pc <file.cdm> [...] [--hbr-m <m>] [--format json|text]
  2D collision probability (Foster 1992) of every message in CCSDS CDM files (KVN or XML).
  --hbr-m    hard-body radius, m (default: the message's COMMENT HBR or EXCLUSION_VOLUME_RADIUS)
  --format   json (default: one object per line) or text`;

export interface PcLine {
  file: string;
  tca: string;
  missM: number;
  relSpeedMS: number;
  hbrM: number;
  pc: number;
  method: string;
}

export const PC_METHOD = 'FOSTER-1992';

/** A CDM file's text; a file over the input limit for CDMs is refused before it is read. */
function readCdmFile(path: string): string {
  const tooLarge = checkInputBytes('cdm', statSync(path).size);
  if (tooLarge) throw new Error(tooLarge);
  return readFileSync(path, 'utf8');
}

/** The probability lines and problems for some files (no printing). */
export function pcLines(
  files: readonly string[],
  hbrM?: number,
  read: (path: string) => string = readCdmFile,
): { lines: PcLine[]; problems: string[] } {
  const lines: PcLine[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        code ? `${file}: cannot read (${code})` : `${file}: ${e instanceof Error ? e.message : e}`,
      );
      continue;
    }
    const { messages, errors } = parseCdm(text);
    for (const e of errors) {
      problems.push(
        `${file}: message ${e.message}, line ${e.line}${e.keyword ? `, ${e.keyword}` : ''}: ${e.reason}`,
      );
    }
    if (!messages.length && !errors.length) problems.push(`${file}: no CDM message found`);
    for (const m of messages) {
      try {
        const r = cdmPc(m, { hbrM });
        lines.push({
          file: basename(file),
          tca: m.relative.tcaIso,
          missM: r.plane.missM,
          relSpeedMS: r.plane.relSpeedMS,
          hbrM: r.hbrM,
          pc: r.foster.pc,
          method: PC_METHOD,
        });
      } catch (e) {
        problems.push(`${file}: line ${m.line}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return { lines, problems };
}

export function runPc(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${PC_HELP}\n`);
    return Promise.resolve();
  }
  const { files, options } = parseFilesAndOptions(argv, ['hbr-m', 'format']);
  const format = options.get('format') ?? 'json';
  if (format !== 'json' && format !== 'text') {
    throw new UsageError(`--format must be json or text (got "${format}")`);
  }
  const hbrText = options.get('hbr-m');
  const hbrM = hbrText === undefined ? undefined : numberOption('hbr-m', hbrText, 0, 1000);
  if (!files.length) throw new UsageError('no CDM file given (usage: cli pc <file.cdm> [...])');
  const { lines, problems } = pcLines(files, hbrM);
  for (const l of lines) {
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(l)}\n`
        : `${l.file}  TCA ${l.tca}  miss ${l.missM.toFixed(1)} m  vrel ${l.relSpeedMS.toFixed(1)} m/s  HBR ${l.hbrM} m  Pc ${l.pc.toExponential(4)}  ${l.method}\n`,
    );
  }
  for (const p of problems.slice(0, -1)) process.stderr.write(`warning: ${p}\n`);
  if (problems.length) {
    throw new UsageError(
      problems.length === 1 ? problems[0] : `${problems.length} problems; last: ${problems.at(-1)}`,
    );
  }
  return Promise.resolve();
}
