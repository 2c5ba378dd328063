import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { PcscCardReader } from '../../../devices/card-reader/drivers/pcsc/pcsc-card-reader.js';
import type { PcscLiteContext, PcscLiteFactory, PcscLiteReader } from '../../../devices/transport/pcsc/pcsclite-api.js';
import { type IdCardProfile, getProfile } from '../../../simulators/card-reader/profiles.js';
import { IdCardApplet } from '../../../simulators/card-reader/virtual-card/applet.js';
import { cardImageOf } from '../../../simulators/card-reader/virtual-card/card-image.js';
import { testPki } from '../../../simulators/card-reader/virtual-card/test-pki.js';
import { eventually } from '../../contracts/shared/helpers.js';

const EMPTY = 0x10;
const PRESENT = 0x20;

/** A stand-in for the pcsclite binding: readers come and go, cards are in-process applets. */
class FakeReader extends EventEmitter {
  readonly SCARD_SHARE_EXCLUSIVE = 1;
  readonly SCARD_SHARE_SHARED = 2;
  readonly SCARD_STATE_EMPTY = EMPTY;
  readonly SCARD_STATE_PRESENT = PRESENT;
  readonly SCARD_STATE_MUTE = 0x200;
  readonly SCARD_LEAVE_CARD = 0;
  readonly SCARD_RESET_CARD = 1;
  readonly SCARD_PROTOCOL_T0 = 1;
  readonly SCARD_PROTOCOL_T1 = 2;
  connected = false;
  applet: IdCardApplet | null = null;
  constructor(readonly name: string) {
    super();
  }
  insert(applet: IdCardApplet): void {
    this.applet = applet;
    applet.reset();
    this.emit('status', { state: PRESENT, atr: Buffer.from([0x3b, 0x80]) });
  }
  removeCard(): void {
    this.applet = null;
    this.connected = false;
    this.emit('status', { state: EMPTY });
  }
  connect(_o: unknown, cb: (e: Error | null, p: number) => void): void {
    setImmediate(() => {
      if (!this.applet) return cb(new Error('SCardConnect error: No smart card inserted.(0x8010000c)'), 0);
      this.connected = true;
      cb(null, 2);
    });
  }
  disconnect(_d: number, cb: (e: Error | null) => void): void {
    this.connected = false;
    setImmediate(() => cb(null));
  }
  transmit(data: Buffer, _len: number, _p: number, cb: (e: Error | null, r: Buffer) => void): void {
    setImmediate(() => {
      if (!this.applet) return cb(new Error('SCardTransmit error: Card was removed.(0x80100069)'), Buffer.alloc(0));
      cb(null, Buffer.from(this.applet.process(new Uint8Array(data))));
    });
  }
  close(): void {}
}

class FakePcsc {
  daemonUp = true;
  contexts: Array<EventEmitter & { close(): void }> = [];
  readers: FakeReader[] = [];
  readonly factory: PcscLiteFactory = () => {
    if (!this.daemonUp) throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
    const ctx = Object.assign(new EventEmitter(), { close: () => undefined });
    this.contexts.push(ctx);
    setImmediate(() => {
      for (const reader of this.readers) this.announce(ctx, reader);
    });
    return ctx as unknown as PcscLiteContext;
  };
  private announce(ctx: EventEmitter, reader: FakeReader): void {
    ctx.emit('reader', reader as unknown as PcscLiteReader);
    reader.emit('status', { state: reader.applet ? PRESENT : EMPTY });
  }
  plug(name: string): FakeReader {
    const reader = new FakeReader(name);
    this.readers.push(reader);
    const ctx = this.contexts.at(-1);
    if (ctx && this.daemonUp) this.announce(ctx, reader);
    return reader;
  }
  unplug(reader: FakeReader): void {
    this.readers = this.readers.filter((r) => r !== reader);
    reader.emit('end');
  }
  crashDaemon(): void {
    this.daemonUp = false;
    for (const ctx of this.contexts) ctx.emit('error', new Error('SCardGetStatusChange error: Service not available.(0x8010001d)'));
    this.readers = this.readers.map((r) => new FakeReader(r.name)); // the daemon forgets its handles
  }
}

const chan = (): IdCardApplet => {
  const profile = getProfile('chan-tai-man') as IdCardProfile;
  return new IdCardApplet(cardImageOf(profile), { tries: 3 });
};

let reader: PcscCardReader | undefined;
afterEach(async () => {
  await reader?.close();
});

function makeReader(fake: FakePcsc | null, name = 'ACME Contactless'): PcscCardReader {
  reader = new PcscCardReader({
    reader: name,
    trustAnchorsPem: [testPki().issuerCaPem],
    retryInitialMs: 10,
    retryMaxMs: 20,
    readerWaitMs: 50,
    load: async () => fake?.factory ?? null,
  });
  return reader;
}

describe('PC/SC card reader driver (fake pcsclite)', () => {
  it('reports not-connected / pcsclite-missing where the native module did not load', async () => {
    const device = makeReader(null);
    await expect(device.open()).rejects.toMatchObject({ code: 'not-connected', detail: 'pcsclite-missing' });
    expect(device.status()).toEqual({ state: 'offline', detail: 'pcsclite-missing' });
  });

  it('open: pcscd-unavailable without a daemon, reader-missing without a matching reader', async () => {
    const fake = new FakePcsc();
    fake.daemonUp = false;
    await expect(makeReader(fake).open()).rejects.toMatchObject({ detail: 'pcscd-unavailable' });
    fake.daemonUp = true;
    fake.plug('Other Reader 00');
    await expect(makeReader(fake).open()).rejects.toMatchObject({ detail: 'reader-missing' });
  });

  it('finds a reader already present, with a card already on it', async () => {
    const fake = new FakePcsc();
    fake.plug('ACME Contactless 00').insert(chan());
    const device = makeReader(fake, 'acme');
    await device.open();
    expect(device.status()).toEqual({ state: 'online' });
    expect(device.isCardPresent()).toBe(true);
    expect((await device.readVisibleData()).nameLatin).toBe('CHAN TAI MAN');
  });

  it('follows reader detach and re-attach, and card insert and removal', async () => {
    const fake = new FakePcsc();
    const first = fake.plug('ACME Contactless 00');
    const device = makeReader(fake);
    await device.open();
    const events: string[] = [];
    device.on('card-inserted', () => events.push('in'));
    device.on('card-removed', () => events.push('out'));
    first.insert(chan());
    first.removeCard();
    fake.unplug(first);
    expect(device.status()).toEqual({ state: 'offline', detail: 'reader-missing' });
    const waiting = device.waitForCard(new AbortController().signal);
    const again = fake.plug('ACME Contactless 01');
    expect(device.status()).toEqual({ state: 'online' });
    again.insert(chan());
    await waiting;
    expect(events).toEqual(['in', 'out', 'in']);
    expect((await device.readVisibleData()).nameZh).toBe('陳大文');
  });

  it('a card lifted mid-read rejects card-removed; the next card reads', async () => {
    const fake = new FakePcsc();
    const r = fake.plug('ACME Contactless 00');
    r.insert(chan());
    const device = makeReader(fake);
    await device.open();
    const reading = device.readFaceImage();
    r.removeCard();
    await expect(reading).rejects.toMatchObject({ code: 'card-removed' });
    r.insert(chan());
    expect((await device.readFaceImage()).length).toBeGreaterThan(100);
  });

  it('re-establishes the context after pcscd crashes, without being reopened', async () => {
    const fake = new FakePcsc();
    fake.plug('ACME Contactless 00').insert(chan());
    const device = makeReader(fake);
    await device.open();
    const waiting = device.waitForRemoval(new AbortController().signal);
    fake.crashDaemon();
    await expect(waiting).rejects.toMatchObject({ code: 'not-connected', detail: 'pcscd-unavailable' });
    expect(device.status()).toEqual({ state: 'offline', detail: 'pcscd-unavailable' });
    fake.daemonUp = true;
    await eventually(() => device.status().state === 'online');
    fake.readers[0]?.insert(chan());
    await eventually(() => device.isCardPresent());
    expect(await device.checkAuthenticity()).toEqual({ passive: 'valid', active: 'valid' });
  });
});
