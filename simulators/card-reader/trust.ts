import type { X509Certificate } from 'node:crypto';
import { loadTrustAnchors } from '../../devices/card-reader/app/authenticity.js';
import { testPki } from './virtual-card/test-pki.js';

let anchors: X509Certificate[] | undefined;

/** The simulated reader trusts the simulation-only issuer CA, and nothing else. */
export function simulatorTrustAnchors(): X509Certificate[] {
  anchors ??= loadTrustAnchors([testPki().issuerCaPem]);
  return anchors;
}
