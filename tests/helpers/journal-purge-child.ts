/**
 * A kiosk process that is killed (SIGKILL) right after it purges an application's personal data:
 * the journal's files are then exactly what a crash leaves on disk. For tests/unit/journal/wal-purge.test.ts.
 *
 *   node --import tsx tests/helpers/journal-purge-child.ts <journal> <keyHex> <purge: accepted|abandoned> <when: next-tick|same-tick>
 *
 * Prints one JSON line with the sealed payload (hex) as it was stored, then kills itself.
 */
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Journal } from '../../electron/host/journal/journal.js';

const [path, keyHex, purge, when] = process.argv.slice(2) as [string, string, 'accepted' | 'abandoned', 'next-tick' | 'same-tick'];
const journal = new Journal({ path, key: Buffer.from(keyHex, 'hex') });
// A photo-sized payload: the sealed value spills onto overflow pages, as a real application's does.
const payload = Buffer.concat([Buffer.from('{"nameLatin":"CHAN TAI MAN","cardNumber":"1234567(9)","photo":"'), Buffer.alloc(20_000, 0x41), Buffer.from('"}')]);
journal.startSession('s1');
journal.createApplication({ id: 'a1', sessionId: 's1', service: 'renew-permanent', feeAvos: 9000, payload });
const reader = new Database(path, { readonly: true });
const sealed = (reader.prepare(`SELECT payload FROM applications WHERE id = 'a1'`).get() as { payload: Buffer }).payload;
reader.close();
if (purge === 'accepted') {
  journal.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 });
  journal.markPaymentSent('a1-1');
  journal.recordPaymentResult('a1-1', { state: 'approved', authCode: '1' });
  journal.markSubmissionSending('a1');
  journal.recordSubmissionAccepted('a1', 'R0000000001', '2026-11-23T02:00:00.000Z');
} else {
  journal.abandonApplication('a1', 'cancelled-by-resident');
}
// Synchronous, so 'same-tick' dies before anything queued by the purge has run.
writeSync(1, JSON.stringify({ sealed: sealed.toString('hex') }) + '\n');
const die = (): void => void process.kill(process.pid, 'SIGKILL');
if (when === 'same-tick') die();
else setTimeout(die, 20);
