import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLine, encodeLine, GaugeLineDecoder, type GaugeToken, MAX_LINE } from '../../../devices/height-gauge/drivers/gauge-lines.js';
import { HidProtocolError, MessageType, Reassembler, REPORT_SIZE, encodeMessage } from '../../../devices/fingerprint-scanner/drivers/hid-protocol.js';
import { ACK, EcrFrameDecoder, type EcrToken, encodeFrame, isDataByte, MAX_DATA, NAK } from '../../../devices/payment-terminal/drivers/ecr-frame.js';
import { decodeRequest, decodeResponse, encodeResponse } from '../../../devices/payment-terminal/drivers/ecr-messages.js';
import { decodeOfflineCause, decodePaperSensor, encodeOfflineCause, encodePaperSensor, isStatusByte } from '../../../devices/receipt-printer/drivers/escpos-status.js';

/**
 * Fuzzing what the kiosk reads from its serial (and HID) devices: whatever bytes arrive, in
 * whatever chunks, the decoders return typed tokens (a frame, a bad frame, noise) and never throw;
 * well-formed input split anywhere decodes exactly. A crash here would be a device able to take the
 * host down.
 */
const RUNS = 10_000;
const bytes = (max: number) => fc.uint8Array({ maxLength: max });

/** Splits a byte string at random points, as a serial port delivers it. */
function chunked(data: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const at of points) {
    out.push(data.subarray(from, at));
    from = at;
  }
  out.push(data.subarray(from));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('payment terminal ECR link (fuzzed)', () => {
  const dataBytes = fc.uint8Array({ minLength: 1, maxLength: 60 }).map((raw) => raw.map((b) => (isDataByte(b) ? b : 0x20 + (b % 95))));
  const segment = fc.oneof(
    { weight: 4, arbitrary: dataBytes.map((data) => ({ kind: 'frame' as const, data, wire: encodeFrame(data) })) },
    { weight: 1, arbitrary: fc.constantFrom({ kind: 'ack' as const, wire: Uint8Array.of(ACK) }, { kind: 'nak' as const, wire: Uint8Array.of(NAK) }) },
    { weight: 2, arbitrary: bytes(30).map((wire) => ({ kind: 'junk' as const, wire })) },
    { weight: 2, arbitrary: fc.tuple(dataBytes, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([data, at, flip]) => { const wire = encodeFrame(data).slice(); wire[at % wire.length] = (wire[at % wire.length] ?? 0) ^ (flip || 1); return { kind: 'junk' as const, wire }; }) },
    { weight: 1, arbitrary: fc.tuple(dataBytes, fc.nat()).map(([data, cut]) => ({ kind: 'junk' as const, wire: encodeFrame(data).slice(0, cut % 8) })) },
  );

  function checkToken(token: EcrToken): void {
    const ok =
      token.kind === 'frame'
        ? token.data.length > 0 && token.data.length <= MAX_DATA && token.data.every(isDataByte)
        : token.kind === 'bad-frame'
          ? ['lrc', 'length', 'byte', 'interrupted'].includes(token.reason)
          : token.kind === 'noise'
            ? token.bytes > 0
            : token.kind === 'ack' || token.kind === 'nak';
    if (!ok) throw new Error(`untyped token ${JSON.stringify(token)}`);
  }

  it(`decodes ${RUNS} random byte streams, in random chunks and pauses, into typed tokens only`, () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(300), { maxLength: 8 }), (segments, cuts, gaps) => {
        const decoder = new EcrFrameDecoder(100);
        let now = 0;
        chunked(concat(segments.map((s) => s.wire)), cuts).forEach((chunk, i) => {
          now += gaps[i] ?? 1;
          for (const token of decoder.push(chunk, now)) checkToken(token);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it(`decodes ${RUNS} streams of well-formed frames, ACKs and NAKs exactly, however they are split`, () => {
    const clean = fc.array(segment.filter((s) => s.kind !== 'junk'), { maxLength: 6 });
    fc.assert(
      fc.property(clean, fc.array(fc.nat(), { maxLength: 6 }), (segments, cuts) => {
        const decoder = new EcrFrameDecoder();
        const tokens = chunked(concat(segments.map((s) => s.wire)), cuts).flatMap((chunk) => decoder.push(chunk));
        const expected = segments.map((s) => (s.kind === 'frame' ? `frame:${Buffer.from(s.data).toString('hex')}` : s.kind));
        const got = tokens.map((t) => (t.kind === 'frame' ? `frame:${Buffer.from(t.data).toString('hex')}` : t.kind));
        if (got.join(' ') !== expected.join(' ')) throw new Error(`decoded ${got.join(' ')}, sent ${expected.join(' ')}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`reads ${RUNS} random ECR messages as a typed answer or a refusal, never a throw`, () => {
    const field = fc.oneof(fc.constantFrom('', 'IDLE', 'BUSY', 'FAULT:jam', 'AP', 'DC', 'CN', 'VO', 'IP', 'NF', '00', '51', 'A1B2', '1234', '000000009000', '446', 'MP', 'UP', 'app-1', 'x'.repeat(40)), fc.string({ maxLength: 14 }));
    const code = fc.oneof(fc.constantFrom('ST', 'SA', 'AB', 'VD', 'EQ', 'TS', 'RJ', 'EV', 'PU', '__proto__', 'constructor', ''), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(code, fc.array(field, { maxLength: 7 }), (c, fields) => {
        const text = [c, ...fields].join('\x1c');
        const response = decodeResponse(text);
        if (response.ok) expect(decodeResponse(encodeResponse(response.message))).toEqual(response);
        else expect(typeof response.reason).toBe('string');
        const request = decodeRequest(text);
        expect(typeof request.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('height gauge lines (fuzzed)', () => {
  const field = fc.stringMatching(/^[A-Za-z0-9.+:?_-]{0,8}$/);
  const goodLine = fc.tuple(fc.stringMatching(/^[A-Z]{1,4}$/), fc.array(field, { maxLength: 4 })).map(([head, rest]) => [head, ...rest]);

  it(`decodes ${RUNS} random byte streams into typed tokens, and every well-formed line exactly`, () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: goodLine.map((fields) => ({ fields, wire: encodeLine(fields) })) },
      { weight: 2, arbitrary: bytes(40).map((wire) => ({ fields: undefined, wire })) },
      { weight: 1, arbitrary: fc.constant({ fields: undefined, wire: new Uint8Array(MAX_LINE + 5).fill(0x24) }) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 5 }), (pieces, cuts) => {
        const decoder = new GaugeLineDecoder();
        const tokens: GaugeToken[] = chunked(concat(pieces.map((p) => p.wire)), cuts).flatMap((chunk) => decoder.push(chunk));
        for (const token of tokens) {
          if (token.kind === 'line') expect(token.fields.join(',').length).toBeLessThan(MAX_LINE);
          else expect(['checksum', 'format', 'too-long']).toContain(token.reason);
        }
        // Only good lines: each comes out as it went in.
        if (pieces.every((p) => p.fields)) expect(tokens).toEqual(pieces.map((p) => ({ kind: 'line', fields: p.fields })));
      }),
      { numRuns: RUNS },
    );
  });

  it(`reads ${RUNS} random lines as a line or a typed bad line`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 20 }).map((body) => `$${body}*00`)), (text) => {
        const token = decodeLine(text);
        expect(token.kind === 'line' || ['checksum', 'format', 'too-long'].includes(token.reason)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('ESC/POS printer status (fuzzed)', () => {
  it(`reads ${RUNS} random status bytes as a typed status or "not a status byte"`, () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 256 }), (byte) => {
        const cause = decodeOfflineCause(byte);
        const sensor = decodePaperSensor(byte);
        if (!isStatusByte(byte)) {
          expect(cause).toBeUndefined();
          expect(sensor).toBeUndefined();
          return;
        }
        expect(decodeOfflineCause(encodeOfflineCause(cause!))).toEqual(cause);
        expect(decodePaperSensor(encodePaperSensor(sensor!))).toEqual(sensor);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fingerprint scanner HID reports (fuzzed)', () => {
  it(`reassembles ${RUNS} random report sequences into messages, or refuses with HidProtocolError only`, () => {
    const report = fc.oneof(
      bytes(REPORT_SIZE + 4),
      fc.tuple(fc.constantFrom(...Object.values(MessageType)), fc.nat(3), fc.uint8Array({ maxLength: 200 })).chain(([type, tag, body]) =>
        fc.constantFrom(...encodeMessage({ type, tag, body })),
      ),
    );
    fc.assert(
      fc.property(fc.array(report, { maxLength: 8 }), (reports) => {
        const reassembler = new Reassembler();
        for (const one of reports) {
          try {
            const message = reassembler.push(one);
            if (message) expect(message.body).toBeInstanceOf(Uint8Array);
          } catch (error) {
            if (!(error instanceof HidProtocolError)) throw error;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
