import { createHash, createPublicKey, type KeyObject, verify, X509Certificate } from 'node:crypto';
import { SOD_HASH_SHA256, SOD_VERSION } from './application.js';
import { decodeSecurityObject } from './security-object.js';

/**
 * Passive and active authentication (ICAO 9303 part 11 in spirit), with Node's crypto:
 * - passive: the document signer certificate in the SOD is issued by a trusted issuer CA, its key
 *   signed the SOD's digest list (ECDSA P-256 / SHA-256), and every data group read hashes to the
 *   digest listed. Any changed byte in a data group or in the SOD fails one of these.
 * - active: the chip signs a fresh random challenge with its private key; the signature must verify
 *   with the DG15 public key (itself covered by the SOD). A copy of the files has no private key.
 */

/** Data groups the SOD must list for the card to count as complete (visible data, face, chip key). */
const REQUIRED_GROUPS = [1, 2, 15] as const;

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function loadTrustAnchors(pems: readonly string[]): X509Certificate[] {
  return pems.map((pem) => new X509Certificate(pem));
}

/** True when the SOD is genuine and every given data group (number → file bytes) matches it. */
export function verifyPassive(sodFile: Uint8Array, groups: ReadonlyMap<number, Uint8Array>, anchors: readonly X509Certificate[]): boolean {
  try {
    const sod = decodeSecurityObject(sodFile);
    if (sod.version !== SOD_VERSION || sod.hashAlgorithm !== SOD_HASH_SHA256) return false;
    const signer = new X509Certificate(sod.signerCertificate);
    const issuedByAnchor = anchors.some((ca) => signer.checkIssued(ca) && signer.verify(ca.publicKey));
    if (!issuedByAnchor) return false;
    if (!verify('sha256', sod.signedContent, signer.publicKey, sod.signature)) return false;
    if (REQUIRED_GROUPS.some((dg) => !sod.digests.has(dg) || !groups.has(dg))) return false;
    for (const [dg, file] of groups) {
      const listed = sod.digests.get(dg);
      if (listed === undefined || !equal(listed, sha256(file))) return false;
    }
    return true;
  } catch {
    return false; // a SOD or certificate that does not even parse is not genuine
  }
}

/** The chip key from DG15 (DER SubjectPublicKeyInfo); null if it is not an EC P-256 key. */
export function chipPublicKey(spkiDer: Uint8Array): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
}

export function verifyActive(key: KeyObject, challenge: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify('sha256', challenge, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
