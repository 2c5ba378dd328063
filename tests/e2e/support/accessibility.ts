import type { Page } from '@playwright/test';
import { expect } from '../fixtures/kiosk-host.js';
import { type Lang, m } from './kiosk-page.js';

/** The accessibility modes as a resident turns them on: the help bar's button, a switch, Close. */
export type Mode = 'normal' | 'largeText' | 'highContrast' | 'wheelchair';
export const MODES: readonly Mode[] = ['normal', 'largeText', 'highContrast', 'wheelchair'];
export const MODE_ATTRIBUTE: Record<Exclude<Mode, 'normal'>, [string, string]> = {
  largeText: ['data-text', 'large'],
  highContrast: ['data-contrast', 'high'],
  wheelchair: ['data-layout', 'wheelchair'],
};

export async function toggleSetting(page: Page, lang: Lang, setting: Exclude<Mode, 'normal'> | 'speech'): Promise<void> {
  await page.getByRole('button', { name: m(lang, 'a11y.open') }).click();
  const dialog = page.getByRole('dialog', { name: m(lang, 'a11y.title') });
  await dialog.locator(`[data-setting="${setting}"]`).click();
  await dialog.getByRole('button', { name: m(lang, 'a11y.close') }).click();
  await expect(dialog).toBeHidden();
}

export interface ControlBox {
  label: string;
  width: number;
  height: number;
  top: number;
  bottom: number;
}

/** Every visible control on the page (buttons, inputs, links), with its box in CSS pixels of the page. */
export async function controls(page: Page): Promise<ControlBox[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="button"]')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      })
      .map((element) => {
        const box = element.getBoundingClientRect();
        const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
        return { label, width: box.width, height: box.height, top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
      }),
  );
}

/** What every mode must keep: touch targets, no sideways scrolling; wheelchair: every control in the lower half, nothing below the screen. */
export async function expectModeHolds(page: Page, mode: Mode): Promise<void> {
  const boxes = await controls(page);
  expect(boxes.length).toBeGreaterThan(0);
  const small = boxes.filter((box) => box.width < 60 || box.height < 60).map((box) => `${box.label} ${Math.round(box.width)}×${Math.round(box.height)}`);
  expect(small, 'touch targets under 60×60 px').toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(0);
  if (mode === 'wheelchair') {
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    const high = boxes.filter((box) => box.top < viewport.height / 2 || box.bottom > viewport.height).map((box) => `${box.label} ${Math.round(box.top)}–${Math.round(box.bottom)}`);
    expect(high, 'controls outside the lower half of the screen').toEqual([]);
  }
}
