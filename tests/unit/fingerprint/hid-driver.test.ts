import { afterEach, describe, expect, it } from 'vitest';
import { HidFingerprintScanner } from '../../../devices/fingerprint-scanner/drivers/hid-fingerprint-scanner.js';
import { bodies, encodeMessage, type Message, MessageType, Reassembler } from '../../../devices/fingerprint-scanner/drivers/hid-protocol.js';
import { createMemoryHidPair, type MemoryHidEnd } from '../../../devices/transport/hid/memory-transport.js';
import { expectDeviceError } from '../../contracts/shared/helpers.js';

/** A scripted scanner: answers getInfo, and hands every other request to the test. */
function scripted() {
  const pair = createMemoryHidPair();
  const requests: Message[] = [];
  const waiting: Array<(m: Message) => void> = [];
  const reassembler = new Reassembler();
  const send = async (message: Message) => {
    for (const report of encodeMessage(message)) await pair.device.write(report);
  };
  pair.device.onReport((report) => {
    const message = reassembler.push(report);
    if (!message) return;
    if (message.type === MessageType.getInfo) {
      void send({ type: MessageType.info, tag: message.tag, body: bodies.info.encode({ imageWidth: 4, imageHeight: 2, matchThreshold: 50, firmware: 'fw-9', model: 'FS-Test' }) });
      return;
    }
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else requests.push(message);
  });
  /** The oldest request not yet taken by the test. */
  const next = (): Promise<Message> => {
    const queued = requests.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
  };
  const scanner = new HidFingerprintScanner({ transport: async () => pair.host, answerTimeoutMs: 100 });
  return { pair, scanner, send, next, requests, raw: (report: Uint8Array) => (pair.device as MemoryHidEnd).write(report) };
}

describe('HID fingerprint driver against a scripted scanner', () => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => dispose?.());

  it('takes model, firmware and capabilities from the scanner', async () => {
    const s = scripted();
    dispose = () => s.scanner.close();
    await s.scanner.open();
    expect(s.scanner.info()).toMatchObject({ model: 'FS-Test', firmware: 'fw-9' });
    expect(s.scanner.capabilities()).toEqual({ imageWidth: 4, imageHeight: 2, matchThreshold: 50 });
  });

  it('forwards prompts, returns the capture, and judges match against the scanner’s threshold', async () => {
    const s = scripted();
    dispose = () => s.scanner.close();
    await s.scanner.open();
    const prompts: string[] = [];
    s.scanner.on('prompt', ({ prompt }) => prompts.push(prompt));
    const capturing = s.scanner.capture({ finger: 'right-index', timeoutMs: 500 });
    const request = await s.next();
    expect(bodies.capture.decode(request.body)).toEqual({ finger: 'right-index', timeoutMs: 500 });
    for (const p of ['place-finger', 'too-light', 'lift-finger'] as const) await s.send({ type: MessageType.prompt, tag: request.tag, body: bodies.prompt.encode(p) });
    await s.send({ type: MessageType.captureResult, tag: request.tag, body: bodies.captureResult.encode({ finger: 'right-index', quality: 33, width: 4, height: 2, template: new Uint8Array([1]), image: new Uint8Array(8) }) });
    expect(await capturing).toMatchObject({ finger: 'right-index', quality: 33, width: 4, height: 2 });
    expect(prompts).toEqual(['place-finger', 'too-light', 'lift-finger']);

    for (const [score, matched] of [[50, true], [49, false]] as const) {
      const matching = s.scanner.match(new Uint8Array([1]), new Uint8Array([2]));
      const m = await s.next();
      await s.send({ type: MessageType.matchResult, tag: m.tag, body: bodies.matchResult.encode(score, 50) });
      expect(await matching).toEqual({ score, threshold: 50, matched });
    }
  });

  it('maps every scanner error code to a DeviceError', async () => {
    const s = scripted();
    dispose = () => s.scanner.close();
    await s.scanner.open();
    for (const [wire, code] of [[0x01, 'timeout'], [0x02, 'busy'], [0x03, 'hardware-fault'], [0x04, 'protocol'], [0x05, 'cancelled']] as const) {
      const capturing = s.scanner.capture({ finger: 'left-thumb', timeoutMs: 500 });
      const request = await s.next();
      await s.send({ type: MessageType.error, tag: request.tag, body: bodies.error.encode(wire, 'x') });
      await expectDeviceError(capturing, code, 'x');
    }
  });

  it('a garbled report, a wrong finger or an unexpected answer is a protocol error', async () => {
    const s = scripted();
    dispose = () => s.scanner.close();
    await s.scanner.open();
    let capturing = s.scanner.capture({ finger: 'left-thumb', timeoutMs: 500 });
    let request = await s.next();
    const garbled = encodeMessage({ type: MessageType.prompt, tag: request.tag, body: new Uint8Array([1]) })[0]!;
    garbled[6] = 60;
    await s.raw(garbled);
    await expectDeviceError(capturing, 'protocol');

    capturing = s.scanner.capture({ finger: 'left-thumb', timeoutMs: 500 });
    request = await s.next();
    await s.send({ type: MessageType.captureResult, tag: request.tag, body: bodies.captureResult.encode({ finger: 'left-index', quality: 90, width: 4, height: 2, template: new Uint8Array([1]), image: new Uint8Array(8) }) });
    await expectDeviceError(capturing, 'protocol');

    const matching = s.scanner.match(new Uint8Array([1]), new Uint8Array([2]));
    const m = await s.next();
    await s.send({ type: MessageType.info, tag: m.tag, body: bodies.info.encode({ imageWidth: 1, imageHeight: 1, matchThreshold: 1, firmware: '', model: '' }) });
    await expectDeviceError(matching, 'protocol');
  });

  it('a silent scanner times out; aborting sends cancel; unplugging rejects not-connected and goes offline', async () => {
    const s = scripted();
    dispose = () => s.scanner.close();
    await s.scanner.open();
    await expectDeviceError(s.scanner.match(new Uint8Array([1]), new Uint8Array([2])), 'timeout');
    await s.next(); // the match request
    await s.next(); // the driver's cancel after its deadline

    const controller = new AbortController();
    const capturing = s.scanner.capture({ finger: 'left-thumb', timeoutMs: 5_000 }, controller.signal);
    const request = await s.next();
    controller.abort();
    await expectDeviceError(capturing, 'cancelled');
    const cancel = await s.next();
    expect([cancel.type, cancel.tag]).toEqual([MessageType.cancel, request.tag]);
    // A late answer to the cancelled capture is ignored.
    await s.send({ type: MessageType.error, tag: request.tag, body: bodies.error.encode(0x05) });

    const again = s.scanner.capture({ finger: 'left-thumb', timeoutMs: 5_000 });
    await s.next();
    await expectDeviceError(s.scanner.capture({ finger: 'left-thumb', timeoutMs: 5_000 }), 'busy');
    s.pair.unplug();
    await expectDeviceError(again, 'not-connected', 'unplugged');
    expect(s.scanner.status()).toEqual({ state: 'offline', detail: 'unplugged' });
  });

  it('open fails not-connected when the device is absent, and cancelled when aborted', async () => {
    const absent = new HidFingerprintScanner({ transport: async () => Promise.reject(new Error('ENOENT')) });
    await expectDeviceError(absent.open(), 'not-connected', 'unplugged');
    await expectDeviceError(absent.open(AbortSignal.abort()), 'cancelled');
  });
});
