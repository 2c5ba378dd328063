import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINGERS } from '../../../devices/fingerprint-scanner/contract.js';
import {
  bodies,
  CHUNK_DATA,
  encodeMessage,
  HidProtocolError,
  MessageType,
  Reassembler,
  REPORT_SIZE,
} from '../../../devices/fingerprint-scanner/drivers/hid-protocol.js';

describe('fingerprint HID report codec', () => {
  it('round-trips any message through 64-byte reports, interleaved with another tag', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 255 }), (body, tag) => {
        const reports = encodeMessage({ type: MessageType.captureResult, tag, body });
        expect(reports.every((r) => r.length === REPORT_SIZE)).toBe(true);
        expect(reports).toHaveLength(Math.max(1, Math.ceil(body.length / CHUNK_DATA)));
        const prompt = encodeMessage({ type: MessageType.prompt, tag: (tag % 255) + 1, body: bodies.prompt.encode('too-dark') });
        const r = new Reassembler();
        const out = [];
        for (const [i, report] of reports.entries()) {
          if (i === 1) out.push(r.push(prompt[0]!)); // a prompt of another request in the middle
          out.push(r.push(report));
        }
        const done = out.filter((m) => m !== null);
        const last = done.find((m) => m.type === MessageType.captureResult);
        expect(last?.tag).toBe(tag);
        expect([...(last?.body ?? [])]).toEqual([...body]);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses unknown types, bad chunk numbers, oversize lengths and chunks out of order', () => {
    const r = new Reassembler();
    const good = encodeMessage({ type: MessageType.match, tag: 3, body: new Uint8Array(200) });
    const unknown = good[0]!.slice();
    unknown[0] = 0x42;
    expect(() => r.push(unknown)).toThrow(HidProtocolError);
    const badIndex = good[0]!.slice();
    badIndex[3] = 9; // chunk 9 of 4
    expect(() => r.push(badIndex)).toThrow(/bad chunk/);
    const long = good[0]!.slice();
    long[6] = 57;
    expect(() => r.push(long)).toThrow(/length/);
    expect(() => r.push(good[1]!)).toThrow(/out of order/);
    expect(() => r.push(new Uint8Array(10))).toThrow(/short/);
  });

  it('encodes and decodes every body, and rejects truncated or trailing bytes', () => {
    for (const finger of FINGERS) expect(bodies.capture.decode(bodies.capture.encode(finger, 20_000))).toEqual({ finger, timeoutMs: 20_000 });
    const probe = new Uint8Array([1, 2, 3]);
    const reference = new Uint8Array([9, 8]);
    expect(bodies.match.decode(bodies.match.encode(probe, reference))).toEqual({ probe, reference });
    const info = { imageWidth: 256, imageHeight: 360, matchThreshold: 40, firmware: 'fw-2.1', model: 'FS-80' };
    expect(bodies.info.decode(bodies.info.encode(info))).toEqual(info);
    for (const prompt of ['place-finger', 'lift-finger', 'too-light', 'too-dark'] as const) expect(bodies.prompt.decode(bodies.prompt.encode(prompt))).toBe(prompt);
    const capture = { finger: 'left-ring' as const, quality: 77, width: 4, height: 3, template: new Uint8Array([5, 6]), image: new Uint8Array(12).fill(7) };
    expect(bodies.captureResult.decode(bodies.captureResult.encode(capture))).toEqual(capture);
    expect(bodies.matchResult.decode(bodies.matchResult.encode(63, 40))).toEqual({ score: 63, threshold: 40 });
    expect(bodies.error.decode(bodies.error.encode(0x03, 'sensor-dirty'))).toEqual({ code: 'hardware-fault', detail: 'sensor-dirty' });
    expect(bodies.selfTestResult.decode(bodies.selfTestResult.encode(false, 'lamp'))).toEqual({ passed: false, detail: 'lamp' });

    expect(() => bodies.captureResult.decode(bodies.captureResult.encode(capture).subarray(0, 10))).toThrow(HidProtocolError);
    expect(() => bodies.matchResult.decode(new Uint8Array([1, 2, 3]))).toThrow(/trailing/);
    expect(() => bodies.matchResult.decode(new Uint8Array([101, 40]))).toThrow(/range/);
    expect(() => bodies.prompt.decode(new Uint8Array([9]))).toThrow(/prompt/);
    expect(() => bodies.error.decode(new Uint8Array([0x77, 0]))).toThrow(/error code/);
    expect(() => bodies.capture.decode(new Uint8Array([10, 0, 0, 0, 1]))).toThrow(/finger/);
  });
});
