import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The simulation-only issuer PKI in assets/test-pki/: the issuer CA certificate (the trust anchor a
 * simulated or test reader uses) and the document signer that signs every virtual card's SOD.
 * Found by walking up from this module, so it works from the sources (tsx) and from dist/node.
 */
export interface TestPki {
  issuerCaPem: string;
  documentSignerPem: string;
  documentSignerKeyPem: string;
}

let cached: TestPki | undefined;

export function testPkiDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', 'test-pki');
    if (existsSync(join(candidate, 'issuer-ca.pem'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('assets/test-pki not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
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
