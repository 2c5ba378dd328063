import { FINGERS, type Finger } from '../../devices/fingerprint-scanner/contract.js';

/**
 * The simulators' fictional fingerprint template format, shared by the simulated card (reference
 * templates in the chip) and the simulated scanner (live probes). It carries no biometric: a probe
 * says outright whether the tester meant it to match, which is all a simulated `match` needs.
 *
 * Layout (12 bytes): 'S' 'F' 'T' version · kind (1 reference, 2 probe) · finger index (FINGERS)
 * · quality 0–100 · matches (probe: 1 = presented as the holder's finger) · holder id hash (4 bytes,
 * big-endian FNV-1a; references only, so two residents' references differ).
 */
const MAGIC = [0x53, 0x46, 0x54] as const; // 'SFT'
const VERSION = 1;
const LENGTH = 12;

export type TemplateKind = 'reference' | 'probe';

export interface DecodedTemplate {
  kind: TemplateKind;
  finger: Finger;
  quality: number;
  matches: boolean;
  holderHash: number;
}

/** The score threshold the simulated scanner reports in its capabilities. */
export const MATCH_THRESHOLD = 40;

export function encodeReferenceTemplate(finger: Finger, holderId: string): Uint8Array {
  return encode({ kind: 'reference', finger, quality: 100, matches: true, holderHash: fnv1a(holderId) });
}

export function encodeProbeTemplate(finger: Finger, quality: number, matches: boolean): Uint8Array {
  return encode({ kind: 'probe', finger, quality, matches, holderHash: 0 });
}

/** Null for anything that is not a well-formed template of this format. */
export function decodeTemplate(bytes: Uint8Array): DecodedTemplate | null {
  if (bytes.length !== LENGTH) return null;
  if (bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1] || bytes[2] !== MAGIC[2] || bytes[3] !== VERSION) return null;
  const kind = bytes[4] === 1 ? 'reference' : bytes[4] === 2 ? 'probe' : null;
  const finger = FINGERS[bytes[5] ?? 255];
  const quality = bytes[6] ?? 255;
  if (kind === null || finger === undefined || quality > 100) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { kind, finger, quality, matches: bytes[7] === 1, holderHash: view.getUint32(8) };
}

/**
 * The simulated 1:1 comparison. A probe presented with `matches: true` scores at or above the
 * threshold against a reference of the same finger (higher for better quality); anything else scores
 * below it. Malformed templates score 0.
 */
export function matchScore(probe: Uint8Array, reference: Uint8Array): number {
  const p = decodeTemplate(probe);
  const r = decodeTemplate(reference);
  if (!p || !r || p.kind !== 'probe' || r.kind !== 'reference') return 0;
  if (p.matches && p.finger === r.finger) return MATCH_THRESHOLD + Math.round((p.quality * (100 - MATCH_THRESHOLD)) / 100);
  // A deterministic low score, so a log of scores looks plausible and stays reproducible.
  return (p.quality + (r.holderHash % 17)) % MATCH_THRESHOLD;
}

function encode(t: DecodedTemplate): Uint8Array {
  if (!Number.isInteger(t.quality) || t.quality < 0 || t.quality > 100) {
    throw new RangeError(`template quality must be an integer 0–100, got ${t.quality}`);
  }
  const bytes = new Uint8Array(LENGTH);
  bytes.set([...MAGIC, VERSION, t.kind === 'reference' ? 1 : 2, FINGERS.indexOf(t.finger), t.quality, t.matches ? 1 : 0]);
  new DataView(bytes.buffer).setUint32(8, t.holderHash >>> 0);
  return bytes;
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, dependency-free, good enough to tell holders apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
