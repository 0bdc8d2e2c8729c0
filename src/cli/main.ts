// Command-line entry: `npm run --silent cli -- <command> [options]`. stdout carries only the
// result; progress and errors go to stderr. Exit codes: 0 ok, 2 bad arguments or input, 1 other.
import { UsageError } from './args';
import { runHistory } from './history';
import { runPc } from './pc';
import { runWorker } from './queue/worker';
import { runScreen } from './screen';

type Command = (argv: string[]) => Promise<void>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  screen: {
    run: runScreen,
    help: 'conjunction screening of a catalog (all vs all or a watch list)',
  },
  pc: { run: runPc, help: 'collision probability of CCSDS CDM files (KVN or XML)' },
  worker: {
    run: runWorker,
    help: 'run screening jobs of `screen --queue` from a Redis queue (BullMQ)',
  },
  history: {
    run: runHistory,
    help: 'conjunction events over time from CDMs, SOCRATES lists and screen outputs',
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.help}`);
  return `usage: cli <command> [options]\ncommands:\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`error: unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
