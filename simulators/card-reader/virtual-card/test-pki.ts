import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installRoot } from '../../../electron/host/install-root.js';

/**
 * The simulation-only issuer PKI in assets/test-pki/: the issuer CA certificate (the trust anchor a
 * simulated or test reader uses) and the document signer that signs every virtual card's SOD.
 * Found in the installation's root (install-root.ts): from the sources, dist/node or the start bundle.
 */
export interface TestPki {
  issuerCaPem: string;
  documentSignerPem: string;
  documentSignerKeyPem: string;
}

let cached: TestPki | undefined;

export function testPkiDir(): string {
  const dir = join(installRoot, 'assets', 'test-pki');
  if (!existsSync(join(dir, 'issuer-ca.pem'))) throw new Error(`assets/test-pki not found in ${installRoot}`);
  return dir;
}

export function testPki(): TestPki {
  if (cached) return cached;
  const dir = testPkiDir();
  cached = {
    issuerCaPem: readFileSync(join(dir, 'issuer-ca.pem'), 'utf8'),
    documentSignerPem: readFileSync(join(dir, 'document-signer.pem'), 'utf8'),
    documentSignerKeyPem: readFileSync(join(dir, 'document-signer.key.pem'), 'utf8'),
  };
  return cached;
}
