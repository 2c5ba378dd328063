import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the journal's personal fields. A sealed value is
 * `version (1) · iv (12) · tag (16) · ciphertext`; the row's id is the additional authenticated
 * data, so a ciphertext copied onto another row fails to open instead of decrypting there.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  seal(plaintext: Uint8Array, rowId: string): Buffer;
  open(sealed: Uint8Array, rowId: string): Buffer;
}

export function createSealer(key: Uint8Array): Sealer {
  if (key.length !== 32) throw new RangeError('the journal key must be 32 bytes (64 hex digits)');
  const secret = Buffer.from(key); // our own copy: the caller may zero theirs
  return {
    seal(plaintext, rowId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(Buffer.from(rowId, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, rowId) {
      const bytes = Buffer.from(sealed);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) throw new Error('journal: not a sealed value');
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', secret, iv);
      decipher.setAAD(Buffer.from(rowId, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
  };
}
