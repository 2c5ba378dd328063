/**
 * Headers on every response of the app scheme. The renderer is a built bundle with no inline
 * script, no eval and no network access of its own (it talks to the host over IPC only), so the
 * policy can be strict: anything injected has nowhere to load from and nowhere to send to.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets the face analyser compile the app's own WebAssembly (TensorFlow.js's
  // wasm backend, served from 'self'); JavaScript eval stays forbidden.
  "script-src 'self' 'wasm-unsafe-eval'",
  // React sets styles through the CSSOM, which CSP does not govern; no inline <style> is needed.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // Vite inlines assets under 4 KB as data: URLs, small fonts included.
  "font-src 'self' data:",
  // The camera preview is a MediaStream (srcObject); captured stills become blob: URLs.
  "media-src 'self' blob:",
  // Locale files and assets are fetched from the app itself; there is no other endpoint.
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as a `<meta http-equiv>` in the built index.html (renderer/vite.config.ts), so
 * the page is held to it even where the header does not reach it (a protocol handler's response
 * Chromium might not apply headers from, a file opened by hand). Directives a meta policy may not
 * carry (`frame-ancestors`) are left out; both policies apply, so the stricter one wins.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Second line behind the session's permission handler: only the camera, only for ourselves.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), display-capture=(), usb=(), hid=(), serial=()',
  // A new build must never be mixed with a cached old one.
  'Cache-Control': 'no-store',
};
