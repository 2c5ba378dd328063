/**
 * The virtual card in a process of its own, for bench:card: a physical card answers from its own
 * chip, so the driver's process (its JIT, its garbage collector) must not be the card's too, and
 * the independent client must meet the very same card. Commands on stdin, one per line:
 * `place <profile>` / `remove`; each is answered `ok` on stdout once done.
 *   node --import tsx tests/bench/virtual-card-process.ts <port>
 */
import { createInterface } from 'node:readline';
import type { ProfileId } from '../../simulators/card-reader/profiles.js';
import { VirtualCardTerminal } from '../../simulators/card-reader/virtual-card/virtual-card-terminal.js';

const terminal = new VirtualCardTerminal({ port: Number(process.argv[2]) });
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, argument] = line.trim().split(/\s+/);
  const done = command === 'place' ? terminal.place(argument as ProfileId) : terminal.remove();
  void done.then(
    () => process.stdout.write('ok\n'),
    (error: unknown) => process.stdout.write(`error ${String(error)}\n`),
  );
});
lines.on('close', () => void terminal.close().then(() => process.exit(0)));
