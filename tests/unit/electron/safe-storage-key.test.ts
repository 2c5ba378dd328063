import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveJournalKey } from '../../../electron/host/journal/key.js';
import { type KeySealer, safeStorageKeyStore } from '../../../electron/main/safe-storage-key-store.js';

/** A stand-in for Electron's safeStorage: XOR with a keyring secret, so sealed bytes are not the key. */
function fakeSafeStorage(backend: ReturnType<KeySealer['getSelectedStorageBackend']> = 'gnome_libsecret', available = true): KeySealer {
  const secret = 0x5a;
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from([...Buffer.from(text)].map((byte) => byte ^ secret)),
    decryptString: (sealed) => Buffer.from([...sealed].map((byte) => byte ^ secret)).toString(),
  };
}

describe('journal key sealed by safeStorage (Electron)', () => {
  it('seals a new key for a new journal, never writes it in the clear, and unseals it at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-sealed-'));
    const path = join(dir, 'journal.sqlite');
    const store = safeStorageKeyStore(fakeSafeStorage(), `${path}.key.sealed`, 'linux');
    const first = resolveJournalKey({ path, store });
    expect(first.created).toBe(true);
    const sealed = readFileSync(`${path}.key.sealed`);
    expect(sealed.toString('latin1')).not.toContain(first.key.toString('hex'));
    expect(resolveJournalKey({ path, store }).key.equals(first.key)).toBe(true);
  });

  it('refuses to seal with basic_text (no keyring) or when encryption is unavailable, naming the alternatives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-sealed-'));
    const path = join(dir, 'journal.sqlite');
    for (const sealer of [fakeSafeStorage('basic_text'), fakeSafeStorage('gnome_libsecret', false)]) {
      expect(() => resolveJournalKey({ path, store: safeStorageKeyStore(sealer, `${path}.key.sealed`, 'linux') })).toThrowError(
        expect.objectContaining({ code: 'journal-key-unavailable', message: expect.stringContaining('KIOSK_JOURNAL_KEY') }),
      );
    }
  });

  it('refuses a sealed key the keyring cannot open, rather than making a new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-sealed-'));
    const path = join(dir, 'journal.sqlite');
    writeFileSync(`${path}.key.sealed`, 'not sealed by this keyring');
    const broken: KeySealer = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(() => resolveJournalKey({ path, store: safeStorageKeyStore(broken, `${path}.key.sealed`, 'linux') })).toThrowError(
      expect.objectContaining({ code: 'journal-key-unavailable' }),
    );
  });
});
