import type { Page } from '@playwright/test';

/**
 * A device step's success shows for a moment only (renderer/flows/auto-advance.ts, 1.2 s), then the
 * flow moves on by itself. On a busy machine a test polling the screen can miss that moment, so the
 * page records every `role="status"` message as it appears: a MutationObserver runs right after the
 * change, before the timer that leaves the screen can fire.
 */
export async function recordStatusMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __statusSeen: string[] }).__statusSeen = seen;
    const note = () => {
      for (const element of document.querySelectorAll('[role="status"]')) {
        const text = element.textContent?.replace(/\s+/g, ' ').trim();
        if (text && !seen.includes(text)) seen.push(text);
      }
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** Whether the page has shown a status message containing `text` since it loaded. */
export function statusShown(page: Page, text: string): Promise<boolean> {
  return page.evaluate((wanted) => ((window as unknown as { __statusSeen?: string[] }).__statusSeen ?? []).some((shown) => shown.includes(wanted)), text);
}
