import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, locate, registerAppScheme } from '../../../electron/main/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security-headers.js';
import { recordingLog } from './fakes.js';

/**
 * A real directory tree: dist/renderer with the app, and a secret next to it that no URL may reach.
 *   <tmp>/secret.txt
 *   <tmp>/renderer/index.html, assets/app.js, escape -> ../secret.txt
 */
let base: string;
let handle: (request: Request) => Promise<Response>;
const log = recordingLog();

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kiosk-scheme-'));
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(base, 'secret.txt'), 'SECRET');
  await writeFile(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app")');
  await symlink(join(base, 'secret.txt'), join(root, 'escape.txt'));
  handle = createAppRequestHandler({ rootDir: root, log });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app scheme', () => {
  it('registers kiosk: as a standard, secure, fetch-capable scheme', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[{ scheme: 'kiosk', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
  });

  it('serves index.html for the root, with the strict CSP', async () => {
    const response = await get('kiosk://app/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const response = await get('kiosk://app/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("app")');
  });

  it('the CSP allows only the app itself: no inline script, no eval (WebAssembly only), no remote hosts, no frames', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    // The face analyser's wasm backend needs WebAssembly compilation; JavaScript eval stays out.
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it.each([
    'kiosk://app/..%2fsecret.txt',
    'kiosk://app/..%2Fsecret.txt',
    'kiosk://app/assets/..%2f..%2fsecret.txt',
    'kiosk://app/..%5csecret.txt',
    'kiosk://app/assets%2f..%2f..%2fsecret.txt',
    'kiosk://app/%2e%2e%2fsecret.txt',
    'kiosk://app/index.html%00.js',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses traversal before touching the disk, not only through the realpath check behind it', () => {
    for (const url of ['kiosk://app/..%2fsecret.txt', 'kiosk://app/a/..%5c..%5csecret.txt', 'kiosk://app/x%00']) {
      expect(locate('/srv/renderer', url), url).toMatchObject({ kind: 'refused', status: 404, reason: 'path traversal' });
    }
    expect(locate('/srv/renderer', 'kiosk://app/assets/app.js')).toEqual({ kind: 'file', path: '/srv/renderer/assets/app.js', spaFallback: false });
  });

  it('treats dot segments the URL parser resolved as paths inside the root', async () => {
    // new URL() turns these into /secret.txt, which does not exist under the root.
    for (const url of ['kiosk://app/../secret.txt', 'kiosk://app/%2e%2e/secret.txt', 'kiosk://app/assets/../../secret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('refuses a symlink that points out of the root', async () => {
    const response = await get('kiosk://app/escape.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('answers only for the app host', async () => {
    expect((await get('kiosk://evil/index.html')).status).toBe(404);
    expect((await get('kiosk://app:8080/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('kiosk://app/index.html', 'POST')).status).toBe(405);
    const head = await get('kiosk://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves the app shell for client-side routes, but 404 for missing files', async () => {
    const route = await get('kiosk://app/renew/step-2');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>kiosk</title>');
    expect((await get('kiosk://app/assets/missing.js')).status).toBe(404);
  });

  it('logs refused requests', () => {
    expect(log.entries.some((e) => e.message === 'app scheme: request refused' && e.fields?.reason === 'path traversal')).toBe(true);
  });
});
