import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PKI made with openssl at test time (never committed): a test CA, the back office's
 * server certificate for 127.0.0.1, a client certificate per kiosk id, and a client certificate
 * from another CA that the back office must refuse. P-256 keys, valid for a day.
 */
export interface TestPki {
  dir: string;
  caFile: string;
  server: { certFile: string; keyFile: string };
  client(kioskId: string): { certFile: string; keyFile: string };
  /** A kiosk certificate signed by a CA the back office does not trust. */
  rogueClient: { certFile: string; keyFile: string };
  pem(file: string): Buffer;
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pki-'));
  const path = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

  const makeCa = (name: string, cn: string): void => {
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '1', '-subj', `/CN=${cn}`);
  };
  const issue = (name: string, cn: string, ca: string, extensions: string): { certFile: string; keyFile: string } => {
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    writeFileSync(path(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
    return { certFile: path(`${name}.pem`), keyFile: path(`${name}.key`) };
  };

  makeCa('ca', 'DSI Kiosk Test CA');
  makeCa('rogue-ca', 'Someone Else CA');
  const server = issue('server', '127.0.0.1', 'ca', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  const rogueClient = issue('rogue-client', 'HQ-07', 'rogue-ca', 'extendedKeyUsage=clientAuth\n');
  const clients = new Map<string, { certFile: string; keyFile: string }>();
  return {
    dir,
    caFile: path('ca.pem'),
    server,
    rogueClient,
    client(kioskId) {
      let found = clients.get(kioskId);
      if (!found) {
        found = issue(`client-${kioskId}`, kioskId, 'ca', 'extendedKeyUsage=clientAuth\n');
        clients.set(kioskId, found);
      }
      return found;
    },
    pem: (file) => readFileSync(file),
  };
}
