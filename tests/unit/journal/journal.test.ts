import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCrashSpec } from '../../../electron/host/journal/crash-points.js';
import { createSealer } from '../../../electron/host/journal/crypto.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { resolveJournalKey } from '../../../electron/host/journal/key.js';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = Buffer.alloc(32, 3);

describe('journal', () => {
  it('runs in WAL mode with synchronous=FULL and passes integrity_check', () => {
    const path = join(dir, 'j1.sqlite');
    const journal = new Journal({ path, key: KEY });
    journal.startSession('s1');
    journal.close();
    const again = new Journal({ path, key: KEY });
    expect(again.integrityCheck()).toBe('ok');
    expect(again.session('s1')).toMatchObject({ state: 'open', endedReason: null });
    again.close();
  });

  it('keeps its database and write-ahead log private to the kiosk user (0600)', () => {
    const path = join(dir, 'private.sqlite');
    const journal = new Journal({ path, key: KEY });
    journal.startSession('p1');
    for (const file of [path, `${path}-wal`]) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    journal.close();
  });

  it('seals personal data, deletes it when the back office accepts, and keeps a trail without it', () => {
    const path = join(dir, 'j2.sqlite');
    const journal = new Journal({ path, key: KEY });
    journal.startSession('s1');
    journal.createApplication({ id: 'a1', sessionId: 's1', service: 'renew-permanent', feeAvos: 9000, payload: Buffer.from('CHAN TAI MAN 1234567(9)') });
    expect(readFileSync(path + '-wal').includes(Buffer.from('CHAN TAI MAN'))).toBe(false);
    expect(journal.payload('a1')?.toString()).toBe('CHAN TAI MAN 1234567(9)');
    journal.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 });
    journal.markPaymentSent('a1-1');
    journal.recordPaymentResult('a1-1', { state: 'approved', authCode: '104211' });
    expect(journal.application('a1')).toMatchObject({ state: 'queued', hasPayload: true });
    journal.markSubmissionSending('a1');
    journal.recordSubmissionAccepted('a1', 'R0000000001', '2026-11-23T02:00:00.000Z');
    expect(journal.application('a1')).toMatchObject({ state: 'accepted', hasPayload: false, receiptNumber: 'R0000000001' });
    expect(journal.payment('a1-1')?.state).toBe('done');
    expect(journal.transitionsOf('s1').map((t) => t.kind)).toEqual(['started', 'draft', 'intent', 'sent', 'approved', 'queued', 'sending', 'accepted', 'done']);
    journal.close();
  });

  it('refuses a payment transition from the wrong state (a bug, not a resident error)', () => {
    const journal = new Journal({ path: ':memory:', key: KEY });
    journal.startSession('s1');
    journal.createApplication({ id: 'a1', sessionId: 's1', service: 'renew-permanent', feeAvos: 9000, payload: Buffer.from('x') });
    journal.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 });
    expect(() => journal.recordReversed('a1-1', 'voided')).toThrow(/payment a1-1 is intent: reversed is not allowed/);
    journal.close();
  });
});

describe('sealing', () => {
  it('round-trips and binds the ciphertext to its row', () => {
    const sealer = createSealer(KEY);
    const sealed = sealer.seal(Buffer.from('陳大文'), 'row-1');
    expect(sealer.open(sealed, 'row-1').toString()).toBe('陳大文');
    expect(() => sealer.open(sealed, 'row-2')).toThrow();
    expect(() => createSealer(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('creates a 0600 key file in its own directory for a new journal, and reuses it', () => {
    const path = join(dir, 'j3.sqlite');
    const keyFile = join(dir, 'keys', 'journal.key');
    const first = resolveJournalKey({ path, keyFile });
    expect(first.created).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(resolveJournalKey({ path, keyFile }).key.equals(first.key)).toBe(true);
    expect(resolveJournalKey({ path, keyFile, keyHex: 'ab'.repeat(32) }).key.toString('hex')).toBe('ab'.repeat(32));
  });
});

describe('crash injection', () => {
  it('parses only well-formed specs', () => {
    expect(parseCrashSpec(undefined)).toBeUndefined();
    expect(parseCrashSpec('payment.sent:after')).toEqual({ point: 'payment.sent', phase: 'after', occurrence: 1 });
    expect(parseCrashSpec('submission.sending:before:3')).toEqual({ point: 'submission.sending', phase: 'before', occurrence: 3 });
    expect(() => parseCrashSpec('nowhere:after')).toThrow();
    expect(() => parseCrashSpec('payment.sent:during')).toThrow();
  });
});
