// `screen --ephemeris <file.oem>` (repeatable): OEM files (KVN or XML, gzip too) read into
// screening ephemerides, one per object in the file. A file that does not read, or has a refused segment, stops the command
// with one line naming the file and the problem (exit code 2): a screening must not quietly skip
// part of an operator's ephemeris.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ElementSet } from '../domain/catalog/types';
import { checkInputBytes } from '../domain/limits';
import { readOemBytes } from '../domain/oem/decode';
import { objectsOf } from '../domain/oem/objects';
import type { OemMessage } from '../domain/oem/types';
import { ephemerisFromOem, sameObject } from '../domain/screening/fromOem';
import type { ScreeningEphemeris } from '../domain/screening/types';
import { UsageError } from './args';

/** The values of every `--name value` / `--name=value` in argv, and argv without them. */
export function takeRepeated(argv: string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === `--${name}`) {
      const value = argv[k + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(`--${name} needs a value`);
      }
      values.push(value);
      k++;
    } else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
    else rest.push(arg);
  }
  return { values, rest };
}

function readBytes(file: string): Uint8Array {
  try {
    const tooLarge = checkInputBytes('oem', statSync(file).size);
    if (tooLarge) throw new UsageError(`ephemeris ${file}: ${tooLarge}`);
    return readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read ephemeris ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`,
    );
  }
}

/** The file's message; a refused file or segment is a usage error naming the file. */
async function readWhole(file: string) {
  const read = await readOemBytes(readBytes(file));
  if (!read.ok || read.rejected.length > 0) {
    const problems = read.ok ? read.rejected : read.errors;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new UsageError(`ephemeris ${file}: ${problems[0].reason} [${problems[0].code}]${more}`);
  }
  return read;
}

/** The files as screening ephemerides, matched to the catalog by OBJECT_ID. */
export async function readEphemerides(
  files: string[],
  catalog: readonly ElementSet[],
): Promise<ScreeningEphemeris[]> {
  const out: ScreeningEphemeris[] = [];
  for (const file of files) {
    const read = await readWhole(file);
    // A file may carry several objects (an event's two): each is an ephemeris of its own.
    for (const message of objectsOf(read.message)) {
      const taken = new Set(out.map((e) => e.id));
      const eph = ephemerisFromOem(message, basename(file), catalog, taken);
      const twin = out.find((e) => e.id === eph.id);
      if (twin) throw new UsageError(`ephemeris ${file}: same object as ${twin.label} (${eph.id})`);
      out.push(eph);
    }
  }
  return out;
}

/**
 * `--compare <planned.oem>`: the planned trajectory of one of the nominal ephemerides' objects,
 * under that nominal's number (so it stands in for the same catalog object, or for none).
 */
export async function readPlanned(
  file: string,
  nominals: readonly ScreeningEphemeris[],
  catalog: readonly ElementSet[],
): Promise<{ nominal: ScreeningEphemeris; planned: ScreeningEphemeris }> {
  const read = await readWhole(file);
  const objects = objectsOf(read.message);
  const isNominal = (message: OemMessage) => (n: ScreeningEphemeris) =>
    sameObject(
      { objectId: n.objectId ?? '', objectName: n.name },
      message.segments[0].metadata,
      catalog,
    );
  // The planned trajectory is the file's object that one of the nominals is of.
  const message = objects.find((m) => nominals.some(isNominal(m))) ?? objects[0];
  const nominal = nominals.find(isNominal(message));
  if (!nominal) {
    const meta = message.segments[0].metadata;
    throw new UsageError(
      `--compare ${file}: ${meta.objectName} (${meta.objectId}) is none of the --ephemeris objects`,
    );
  }
  const planned = ephemerisFromOem(message, basename(file), catalog);
  return { nominal, planned: { ...planned, id: nominal.id } };
}
