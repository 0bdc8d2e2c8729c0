// Property-based fuzzing of every parser. The normal test run uses a fixed seed and a small
// budget; `npm run fuzz` runs longer (FUZZ_RUNS inputs per parser and kind, FUZZ_SEED).
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { generatedInput, mutatedInput, runOne, TARGETS } from './fuzz';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Per parser: room for two runs of RUNS inputs at a generous 100 ms each. */
const TIMEOUT_MS = Math.max(60_000, RUNS * 2 * 100);

const counts: { parser: string; generated: number; mutated: number; slowestMs: number }[] = [];

describe(`parsers under fuzzing (seed ${SEED}, ${RUNS} inputs per parser and kind)`, () => {
  for (const target of TARGETS) {
    it(
      `${target.name}: returns or throws its named error, in bounded time`,
      () => {
        const row = { parser: target.name, generated: 0, mutated: 0, slowestMs: 0 };
        counts.push(row);
        const check = (kind: 'generated' | 'mutated') => (text: string) => {
          row[kind]++;
          row.slowestMs = Math.max(row.slowestMs, runOne(target, text));
        };
        fc.assert(fc.property(generatedInput(target), check('generated')), {
          seed: SEED,
          numRuns: RUNS,
        });
        const mutated = mutatedInput(target);
        if (mutated)
          fc.assert(fc.property(mutated, check('mutated')), { seed: SEED, numRuns: RUNS });
      },
      TIMEOUT_MS,
    );
  }
});

afterAll(() => {
  const total = counts.reduce((n, c) => n + c.generated + c.mutated, 0);
  const lines = counts.map(
    (c) =>
      `  ${c.parser.padEnd(22)} ${String(c.generated).padStart(7)} generated ${String(c.mutated).padStart(7)} mutated  slowest ${c.slowestMs.toFixed(1)} ms`,
  );
  console.log(`fuzz: ${total} inputs (seed ${SEED})\n${lines.join('\n')}`);
});
