import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import type { MainLog } from './log.js';

/** The part of WebContents the hardening touches (tests pass a fake with just these). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'id'>;

const hardened = new WeakSet<object>();

/**
 * Applied to every WebContents the app creates (the kiosk window directly, and anything else
 * through `web-contents-created`): a page can only move within the app, can never open a window
 * and can never embed a <webview>. Idempotent, so both paths may apply it to the same contents.
 */
export function hardenWebContents(contents: HardenableContents, log: MainLog): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const guard =
    (kind: string) =>
    (event: { url: string; preventDefault(): void }): void => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      log.warn(`lockdown: ${kind} refused`, { contentsId: contents.id, url: event.url.slice(0, 300) });
    };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));

  contents.setWindowOpenHandler(({ url }) => {
    log.warn('lockdown: window.open refused', { contentsId: contents.id, url: url.slice(0, 300) });
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('lockdown: <webview> refused', { contentsId: contents.id });
  });
}
