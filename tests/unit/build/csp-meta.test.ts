import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../electron/main/security-headers.js';

/**
 * The built page carries the content security policy itself (`<meta http-equiv>`), before any script
 * or style it governs: the fallback where the response header does not reach (Electron's protocol
 * handler, a file opened by hand). `npm test` builds before it runs.
 */
const indexHtml = join(process.cwd(), 'dist/renderer/index.html');

describe('CSP <meta> fallback in the built index.html', () => {
  const html = existsSync(indexHtml) ? readFileSync(indexHtml, 'utf8') : '';

  it('holds the header policy, less what a meta policy cannot carry', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(meta, 'run `npm run build` first').toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    for (const directive of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"]) expect(meta).toContain(directive);
    // 'wasm-unsafe-eval' (WebAssembly compilation for the face analyser) is the one exception.
    expect((meta ?? '').replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|frame-ancestors/);
  });

  it('comes before every script, style sheet and preload in <head>', () => {
    const metaAt = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(metaAt).toBeGreaterThan(-1);
    for (const tag of ['<script', '<link']) {
      const at = html.indexOf(tag);
      if (at !== -1) expect(metaAt).toBeLessThan(at);
    }
    expect(html.indexOf('<meta charset')).toBeLessThan(1024); // still within the first 1024 bytes
  });
});
