/**
 * The app's own origin. The built renderer is served through a privileged custom scheme, so the
 * kiosk window has one stable origin that no file on disk and no web page can share: every
 * lockdown check (navigation, permissions, IPC sender) compares against it.
 */
export const APP_SCHEME = 'kiosk';
export const APP_HOST = 'app';
/** As Chromium serialises it (WebFrameMain.origin, permission requestingOrigin). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a document of the app. Node's URL gives non-special schemes the origin
 * "null", so scheme and host are compared one by one; credentials and ports are never part of
 * the app's URLs, so their presence means someone is crafting one.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True for the serialised origin of the app, exactly (no trailing slash, no path). */
export function isAppOrigin(origin: string | undefined | null): boolean {
  return origin === APP_ORIGIN;
}
