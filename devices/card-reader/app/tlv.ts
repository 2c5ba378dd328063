import { CodecError } from './codec-error.js';

/**
 * BER-TLV as ISO/IEC 7816-4 and ICAO 9303 use it: tags of 1–3 bytes (low five bits 11111 means
 * more tag bytes follow, each with bit 8 set but the last), definite lengths of 1–4 bytes
 * (`81 xx`, `82 xx xx`, `83 xx xx xx`). Constructed objects (bit 6 of the first tag byte) hold
 * further TLVs. Pure: never throws anything but CodecError.
 */
export interface Tlv {
  tag: number;
  value: Uint8Array;
}

const MAX_LENGTH = 0xffffff;

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes = encodeTag(tag);
  const lengthBytes = encodeLength(value.length);
  const out = new Uint8Array(tagBytes.length + lengthBytes.length + value.length);
  out.set(tagBytes);
  out.set(lengthBytes, tagBytes.length);
  out.set(value, tagBytes.length + lengthBytes.length);
  return out;
}

/** A constructed object from its children, in order. */
export function encodeConstructed(tag: number, children: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(tag, concat(children));
}

/** Reads one TLV at `offset`; returns it and the offset just after it. */
export function readTlv(bytes: Uint8Array, offset = 0): { tlv: Tlv; next: number } {
  const { tag, headerLength, length } = readTlvHeader(bytes, offset);
  const start = offset + headerLength;
  if (start + length > bytes.length) throw new CodecError('truncated', `TLV ${tag.toString(16)} announces ${length} bytes, ${bytes.length - start} left`);
  return { tlv: { tag, value: bytes.subarray(start, start + length) }, next: start + length };
}

/**
 * The tag and length at `offset`, without needing the value: enough to learn a file's size from
 * its first bytes.
 */
export function readTlvHeader(bytes: Uint8Array, offset = 0): { tag: number; headerLength: number; length: number } {
  let i = offset;
  const byteAt = (what: string): number => {
    const b = bytes[i];
    if (b === undefined) throw new CodecError('truncated', `TLV ${what} cut short at byte ${i}`);
    i++;
    return b;
  };
  let tag = byteAt('tag');
  if (tag === 0x00 || tag === 0xff) throw new CodecError('malformed', `tag byte ${tag.toString(16)} at ${i - 1}`);
  if ((tag & 0x1f) === 0x1f) {
    for (let n = 0; ; n++) {
      if (n === 2) throw new CodecError('too-long', 'tags longer than 3 bytes are not used');
      const b = byteAt('tag');
      tag = (tag << 8) | b;
      if ((b & 0x80) === 0) break;
    }
  }
  const first = byteAt('length');
  let length: number;
  if (first < 0x80) length = first;
  else {
    const count = first & 0x7f;
    if (count === 0) throw new CodecError('malformed', 'indefinite lengths are not allowed');
    if (count > 3) throw new CodecError('too-long', `a ${count}-byte length field`);
    length = 0;
    for (let n = 0; n < count; n++) length = length * 256 + byteAt('length');
  }
  return { tag, headerLength: i - offset, length };
}

/** Every TLV in `bytes`, which must hold whole TLVs and nothing else. */
export function decodeTlvs(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const { tlv, next } = readTlv(bytes, offset);
    out.push(tlv);
    offset = next;
  }
  return out;
}

/** Exactly one TLV with this tag, filling `bytes`. */
export function decodeSingle(bytes: Uint8Array, tag: number): Uint8Array {
  const { tlv, next } = readTlv(bytes, 0);
  if (tlv.tag !== tag) throw new CodecError('unexpected-tag', `expected tag ${tag.toString(16)}, got ${tlv.tag.toString(16)}`);
  if (next !== bytes.length) throw new CodecError('malformed', `${bytes.length - next} bytes after tag ${tag.toString(16)}`);
  return tlv.value;
}

/** The children of a constructed value as a map; a repeated tag keeps every occurrence in order. */
export function childrenOf(value: Uint8Array): Map<number, Uint8Array[]> {
  const map = new Map<number, Uint8Array[]>();
  for (const tlv of decodeTlvs(value)) {
    const list = map.get(tlv.tag) ?? [];
    list.push(tlv.value);
    map.set(tlv.tag, list);
  }
  return map;
}

export function requireChild(children: Map<number, Uint8Array[]>, tag: number): Uint8Array {
  const list = children.get(tag);
  const value = list?.[0];
  if (value === undefined) throw new CodecError('malformed', `missing tag ${tag.toString(16)}`);
  if (list !== undefined && list.length > 1) throw new CodecError('malformed', `tag ${tag.toString(16)} repeated`);
  return value;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function encodeTag(tag: number): Uint8Array {
  if (!Number.isInteger(tag) || tag <= 0 || tag > 0xffffff) throw new CodecError('malformed', `tag ${tag}`);
  if (tag <= 0xff) return Uint8Array.of(tag);
  if (tag <= 0xffff) return Uint8Array.of(tag >> 8, tag & 0xff);
  return Uint8Array.of(tag >> 16, (tag >> 8) & 0xff, tag & 0xff);
}

function encodeLength(length: number): Uint8Array {
  if (length > MAX_LENGTH) throw new CodecError('too-long', `value of ${length} bytes`);
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff) return Uint8Array.of(0x81, length);
  if (length <= 0xffff) return Uint8Array.of(0x82, length >> 8, length & 0xff);
  return Uint8Array.of(0x83, length >> 16, (length >> 8) & 0xff, length & 0xff);
}
