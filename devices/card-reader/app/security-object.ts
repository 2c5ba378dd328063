import { SOD_HASH_SHA256, SOD_VERSION, TAG } from './application.js';
import { CodecError } from './codec-error.js';
import { childrenOf, concat, decodeSingle, encodeConstructed, encodeTlv, requireChild } from './tlv.js';

/**
 * The document security object (EF.SOD): a simplified ICAO 9303 LDS security object in plain TLV
 * instead of CMS SignedData. It lists a SHA-256 digest per data group; the document signer signs
 * the *signed content* (the version, algorithm and digest list TLVs exactly as stored) with ECDSA
 * P-256, and its certificate (issued by the issuer CA) rides along.
 *
 *   77 { 80 version · 81 hash algorithm · A0 { 30 { 02 dg · 04 digest } … } · 82 signature · 83 certificate }
 */
export interface SecurityObject {
  version: number;
  hashAlgorithm: number;
  digests: Map<number, Uint8Array>;
  /** The bytes the signature covers. */
  signedContent: Uint8Array;
  /** DER ECDSA signature. */
  signature: Uint8Array;
  /** DER X.509 document signer certificate. */
  signerCertificate: Uint8Array;
}

/** The signed content for these digests; the card's issuer signs exactly these bytes. */
export function encodeSignedContent(digests: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const entries = [...digests.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dg, digest]) => encodeConstructed(TAG.SOD_HASH_ENTRY, [encodeTlv(TAG.SOD_DG_NUMBER, Uint8Array.of(dg)), encodeTlv(TAG.SOD_DIGEST, digest)]));
  return concat([
    encodeTlv(TAG.SOD_VERSION, Uint8Array.of(SOD_VERSION)),
    encodeTlv(TAG.SOD_HASH_ALGORITHM, Uint8Array.of(SOD_HASH_SHA256)),
    encodeConstructed(TAG.SOD_HASHES, entries),
  ]);
}

export function encodeSecurityObject(signedContent: Uint8Array, signature: Uint8Array, signerCertificate: Uint8Array): Uint8Array {
  return encodeConstructed(TAG.SOD, [signedContent, encodeTlv(TAG.SOD_SIGNATURE, signature), encodeTlv(TAG.SOD_SIGNER_CERTIFICATE, signerCertificate)]);
}

export function decodeSecurityObject(file: Uint8Array): SecurityObject {
  const value = decodeSingle(file, TAG.SOD);
  const c = childrenOf(value);
  const version = single(requireChild(c, TAG.SOD_VERSION), 'version');
  const hashAlgorithm = single(requireChild(c, TAG.SOD_HASH_ALGORITHM), 'hash algorithm');
  const hashes = requireChild(c, TAG.SOD_HASHES);
  const digests = new Map<number, Uint8Array>();
  for (const entry of childrenOf(hashes).get(TAG.SOD_HASH_ENTRY) ?? []) {
    const e = childrenOf(entry);
    const dg = single(requireChild(e, TAG.SOD_DG_NUMBER), 'data group number');
    const digest = requireChild(e, TAG.SOD_DIGEST);
    if (digest.length !== 32) throw new CodecError('malformed', 'a SHA-256 digest is 32 bytes');
    if (digests.has(dg)) throw new CodecError('malformed', `data group ${dg} listed twice`);
    digests.set(dg, digest.slice());
  }
  // Re-encode what was read: the signature covers these exact bytes, so any difference is a change.
  return {
    version,
    hashAlgorithm,
    digests,
    signedContent: encodeSignedContent(digests),
    signature: requireChild(c, TAG.SOD_SIGNATURE).slice(),
    signerCertificate: requireChild(c, TAG.SOD_SIGNER_CERTIFICATE).slice(),
  };
}

function single(bytes: Uint8Array, what: string): number {
  if (bytes.length !== 1) throw new CodecError('malformed', `SOD ${what} is one byte`);
  return bytes[0] ?? 0;
}
