import type { Page } from '@playwright/test';

/** The technician's way in: a long press (over 3 s) on the attract screen's hidden corner. */
export async function holdCorner(page: Page): Promise<void> {
  const corner = page.getByTestId('maintenance-gesture');
  const box = await corner.boundingBox();
  if (!box) throw new Error('no gesture area');
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
}
