import { createPrivateKey, generateKeyPairSync, type KeyObject, sign, X509Certificate } from 'node:crypto';
import { FILE, type FileId, TAG } from '../../../devices/card-reader/app/application.js';
import { sha256 } from '../../../devices/card-reader/app/authenticity.js';
import { encodeCom, encodeDg1, encodeDg11, encodeDg15, encodeDg2, encodeDg3 } from '../../../devices/card-reader/app/data-groups.js';
import { encodeSecurityObject, encodeSignedContent } from '../../../devices/card-reader/app/security-object.js';
import { faceImageOf, fingerprintReferencesOf, type IdCardProfile } from '../profiles.js';
import { testPki } from './test-pki.js';

/**
 * What an issued ID card's chip holds, built from a profile: its files, the PIN and the chip's
 * private key. The issuer signs the SOD with the test document signer (assets/test-pki).
 *
 * The profile's `authenticity` says which forgery to build:
 * - passive `invalid` (tampered): the data was signed with an expiry ten years earlier, then DG1
 *   was rewritten with the profile's expiry, as a forger extending an old card would;
 * - active `invalid` (copied): every file is the genuine card's, but the chip key is another one,
 *   as on a clone made by reading the files out.
 */
export interface CardImage {
  files: ReadonlyMap<FileId, Uint8Array>;
  /** Files readable only after VERIFY of the general PIN. */
  protectedFiles: ReadonlySet<FileId>;
  pin: string;
  /** Tries left when the card is issued (0: already blocked). */
  initialTries: number;
  chipKey: KeyObject;
}

const images = new WeakMap<IdCardProfile, CardImage>();

/** One image per profile object and process: the chip key is made once, as on a real chip. */
export function cardImageOf(profile: IdCardProfile): CardImage {
  const known = images.get(profile);
  if (known) return known;
  const image = buildCardImage(profile);
  images.set(profile, image);
  return image;
}

export function buildCardImage(profile: IdCardProfile): CardImage {
  const pki = testPki();
  const signerKey = createPrivateKey(pki.documentSignerKeyPem);
  const signerCert = new Uint8Array(new X509Certificate(pki.documentSignerPem).raw);
  const chip = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = new Uint8Array(chip.publicKey.export({ format: 'der', type: 'spki' }));

  const tampered = profile.authenticity.passive === 'invalid';
  const copied = profile.authenticity.active === 'invalid';
  const signedVisible = tampered ? { ...profile.visible, expiry: tenYearsEarlier(profile.visible.expiry) } : profile.visible;
  const groups = new Map<number, Uint8Array>([
    [1, encodeDg1(signedVisible)],
    [2, encodeDg2(faceImageOf(profile))],
    [3, encodeDg3(fingerprintReferencesOf(profile))],
    [11, encodeDg11(profile.protectedData)],
    [15, encodeDg15(spki)],
  ]);
  const digests = new Map([...groups].map(([dg, bytes]) => [dg, sha256(bytes)] as const));
  const signedContent = encodeSignedContent(digests);
  const signature = new Uint8Array(sign('sha256', signedContent, signerKey));
  const sod = encodeSecurityObject(signedContent, signature, signerCert);

  const files = new Map<FileId, Uint8Array>([
    [FILE.COM, encodeCom([TAG.DG1, TAG.DG2, TAG.DG3, TAG.DG11, TAG.DG15])],
    [FILE.DG1, tampered ? encodeDg1(profile.visible) : (groups.get(1) ?? new Uint8Array(0))],
    [FILE.DG2, groups.get(2) ?? new Uint8Array(0)],
    [FILE.DG3, groups.get(3) ?? new Uint8Array(0)],
    [FILE.DG11, groups.get(11) ?? new Uint8Array(0)],
    [FILE.DG15, groups.get(15) ?? new Uint8Array(0)],
    [FILE.SOD, sod],
  ]);
  const chipKey = copied ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey : chip.privateKey;
  return { files, protectedFiles: new Set([FILE.DG11]), pin: profile.pin, initialTries: profile.pinTries, chipKey };
}

function tenYearsEarlier(expiry: string | null): string | null {
  if (expiry === null) return '2015-01-01';
  return `${Number(expiry.slice(0, 4)) - 10}${expiry.slice(4)}`;
}
