/**
 * A kiosk host process that meets a fault nobody caught, for tests/integration/hardening/fatal.test.ts:
 * createHost on a file journal with the process-level handler installed (as standalone.ts does), then
 * an uncaught exception or an unhandled rejection on a later tick.
 *
 *   node --import tsx tests/helpers/fatal-child.ts <stateDir> <keyFile> <uncaught-exception|unhandled-rejection>
 */
import { join } from 'node:path';
import { parseHostConfig } from '../../electron/host/config/load.js';
import { createHost } from '../../electron/host/host.js';
import { createLogger } from '../../electron/host/log.js';
import { installFatalHandlers } from '../../electron/host/process/fatal-handler.js';

const [stateDir, keyFile, kind] = process.argv.slice(2) as [string, string, string];
const log = createLogger({ level: 'warn' });
const config = parseHostConfig({
  rendererDir: 'dist/renderer',
  rulesDir: 'config',
  simulators: { delayMs: 0 },
  journal: { path: join(stateDir, 'journal.sqlite'), keyFile },
});
const host = await createHost(config, { log, env: {} });
installFatalHandlers({ log, target: () => ({ record: host.recordFault, stop: () => host.stop() }), exit: (code) => process.exit(code) });
process.stdout.write('started\n');
setTimeout(() => {
  if (kind === 'unhandled-rejection') void Promise.reject(new RangeError('card number 1234567(9) should never reach the journal'));
  else throw new TypeError('card number 1234567(9) should never reach the journal');
}, 50);
