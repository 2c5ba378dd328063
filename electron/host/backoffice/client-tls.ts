import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/load.js';
import type { HostConfig } from '../config/schema.js';

/** The kiosk's client certificate for the back office (mutual TLS), read once at start. */
export function readClientTls(config: HostConfig): { ca: Buffer; cert: Buffer; key: Buffer } | undefined {
  const tls = config.backoffice.tls;
  if (!tls) return undefined;
  const read = (file: string, field: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new ConfigError(`backoffice.tls.${field}: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  };
  return { ca: read(tls.caFile, 'caFile'), cert: read(tls.certFile, 'certFile'), key: read(tls.keyFile, 'keyFile') };
}
