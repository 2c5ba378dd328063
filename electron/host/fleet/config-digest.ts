import { createHash } from 'node:crypto';
import type { HostConfig } from '../config/schema.js';

/** Keys whose values are secrets or credentials: left out of the digest (it is published). */
const SECRET_KEYS = new Set(['keyHex', 'password', 'pinScrypt', 'cardNumberSha256']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !SECRET_KEYS.has(key))
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * SHA-256 of the kiosk's configuration in a canonical form, secrets left out: the fleet's birth
 * message and the diagnostics bundle carry it, so operators see which kiosks run the same set-up.
 */
export function configDigest(config: HostConfig): string {
  return createHash('sha256').update(JSON.stringify(canonical(config))).digest('hex');
}
