/** A command-line mistake: reported as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--name value` and `--name=value` pairs; every option takes a value. */
export function parseOptions(argv: string[], known: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[k + 1];
      k++;
    }
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (out.has(name)) throw new UsageError(`--${name} given twice`);
    out.set(name, value);
  }
  return out;
}

/** Positional file names and the `--name value` options around them (for commands taking files). */
export function parseFilesAndOptions(
  argv: string[],
  known: readonly string[],
): { files: string[]; options: Map<string, string> } {
  const files: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k].startsWith('--')) {
      rest.push(argv[k]);
      if (!argv[k].includes('=') && k + 1 < argv.length) rest.push(argv[++k]);
    } else files.push(argv[k]);
  }
  return { files, options: parseOptions(rest, known) };
}

/** A finite number in (min, max]; names the option when it is not. */
export function numberOption(name: string, text: string, min: number, max: number): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || v <= min || v > max) {
    throw new UsageError(`--${name} must be a number > ${min} and ≤ ${max} (got "${text}")`);
  }
  return v;
}
