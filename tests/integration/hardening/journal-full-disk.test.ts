import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';

/**
 * Out of service before money is at risk. The journal lives on a small tmpfs this test mounts
 * (root only: CI runs as root); the disk is filled while the resident is at the payment step. The
 * payment is refused `journal-unavailable` before the terminal is asked for anything, new visits
 * are refused, and the kiosk is back in service as soon as space is freed. A write that does not
 * commit (SQLITE_FULL) counts as unavailable even when the free-space floor is met.
 */
const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'kiosk-full-disk-'));
const mountPoint = join(dir, 'state');
let backoffice: BackofficeServer;
let host: KioskHost;
let api: ReturnType<typeof createKioskApi>;

const mount = (...args: string[]): void => void execFileSync('mount', args, { stdio: 'pipe' });

describe.skipIf(!isRoot)('a payment on a full disk (tmpfs)', () => {
  beforeAll(async () => {
    mkdirSync(mountPoint);
    mount('-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'kiosk-test-tmpfs', mountPoint);
    backoffice = await startBackofficeServer({ govPayAutoPay: true });
    const config = parseHostConfig({
      rendererDir: 'dist/renderer',
      rulesDir: 'config',
      simulators: { delayMs: 0, paymentDefault: 'approve' },
      backoffice: { url: backoffice.url, timeoutMs: 1000, simulator: false },
      journal: { path: join(mountPoint, 'journal.sqlite'), keyFile: join(dir, 'keys', 'journal.key'), minFreeMegabytes: 1 },
    });
    host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-23T10:00:00+08:00'), env: {} });
    const pair = createPipePair();
    host.bridge.connect(pair.server);
    api = createKioskApi(pair.client);
  });

  afterAll(async () => {
    await host?.stop();
    await backoffice?.close();
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Fills the tmpfs until only `leaveBytes` are free. */
  function fillDisk(leaveBytes: number): string {
    const fs = statfsSync(mountPoint);
    const free = Number(fs.bavail) * Number(fs.bsize);
    const filler = join(mountPoint, 'filler.bin');
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - leaveBytes)));
    return filler;
  }

  /** A kinship certificate walked to its payment step (the applicant's card and finger, a relative's card), then started. */
  async function applicationAtPaymentStep(): Promise<string> {
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    const state = await walkVisit(api, host.simulatorControls!, 'kinship-certificate', { applicant: 'chan-tai-man', relatives: [{ relation: 'parent', profile: 'chan-father' }] });
    expect(state).toMatchObject({ phase: 'steps', current: { kind: 'payment' } });
    const started = await api.applications.start({ service: 'kinship-certificate' });
    expect(started.ok).toBe(true);
    return started.ok ? started.value.applicationId : '';
  }

  it('refuses the payment with journal-unavailable before the terminal is asked, and refuses new visits', async () => {
    const applicationId = await applicationAtPaymentStep();
    const filler = fillDisk(256 * 1024);

    const paid = await api.applications.submit({ applicationId, payment: 'macau-pass' });
    expect(paid).toMatchObject({ ok: false, error: { code: 'journal-unavailable' } });
    expect(host.simulatorControls!['payment-terminal'].sales()).toEqual([]);
    expect(host.availability.state()).toEqual({ available: false, reason: 'low-disk-space' });

    await api.session.end({ reason: 'cancelled' });
    expect(await api.session.start({ language: 'en' })).toMatchObject({ ok: false, error: { code: 'journal-unavailable' } });

    // Space freed: back in service without a restart, and the resident can pay.
    rmSync(filler);
    const again = await applicationAtPaymentStep();
    expect(await api.applications.submit({ applicationId: again, payment: 'macau-pass' })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    expect(host.availability.state()).toEqual({ available: true });
    await api.session.end({ reason: 'finished' });
  });

  it('counts a write that does not commit as unavailable, even when the free-space floor is met', () => {
    const probe = new Journal({ path: join(mountPoint, 'probe.sqlite'), key: Buffer.alloc(32, 1) });
    expect(probe.checkWritable(0)).toMatchObject({ ok: true });
    const filler = fillDisk(0);
    try {
      expect(probe.checkWritable(0)).toMatchObject({ ok: false, reason: 'write-failed', detail: 'SQLITE_FULL' });
    } finally {
      rmSync(filler);
      probe.close();
    }
  });
});
