import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import { type JournalKeyStore, JournalKeyError, parseHexKey } from '../host/journal/key.js';

/**
 * In Electron the journal key is sealed by `safeStorage` (the OS keyring: libsecret or KWallet on
 * Linux) and only the sealed bytes are written to disk, beside the journal. A copy of the state
 * directory is then useless without the kiosk user's keyring. `basic_text` (no keyring: Electron
 * would "encrypt" with a fixed password) is refused, with the ways to give the key instead.
 */
export type KeySealer = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function safeStorageKeyStore(safeStorage: KeySealer, file: string, platform: NodeJS.Platform = process.platform): JournalKeyStore {
  const requireKeyring = (): void => {
    const instead = 'give the key through journal.keyHex, KIOSK_JOURNAL_KEY or a systemd credential instead';
    if (!safeStorage.isEncryptionAvailable()) throw new JournalKeyError('journal-key-unavailable', `the OS keyring is not available to seal the journal key: ${instead}`);
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new JournalKeyError('journal-key-unavailable', `no OS keyring (safeStorage would use basic_text, a fixed password): ${instead}`);
    }
  };
  return {
    description: `key sealed by the OS keyring in ${file}`,
    load() {
      if (!existsSync(file)) return undefined;
      requireKeyring();
      let hex: string;
      try {
        hex = safeStorage.decryptString(readFileSync(file));
      } catch {
        throw new JournalKeyError('journal-key-unavailable', `the OS keyring cannot unseal ${file} (another user's or a lost keyring): restore the key`);
      }
      return parseHexKey(hex, file);
    },
    save(key) {
      requireKeyring();
      writeFileSync(file, safeStorage.encryptString(key.toString('hex')), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    },
  };
}
