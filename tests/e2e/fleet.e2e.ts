import { FLEET_IDS, fleetUsers } from '../helpers/fleet-hosts.js';
import { type Mosquitto, startMosquitto } from '../helpers/mosquitto.js';
import { expect, screenshot, test } from './fixtures/kiosk-host.js';
import { startFleetKiosk, startOps, type Started } from './support/fleet.js';
import { expectAccessible, m } from './support/kiosk-page.js';

/**
 * The fleet end to end: a real Mosquitto (per-kiosk users and ACL), three browser-mode kiosk hosts
 * and the operations dashboard (`npm run ops`), each in its own process. The resident's screen is
 * the kiosk page in Chromium; the operator's is the dashboard page in another tab.
 */
let broker: Mosquitto;
let ops: Started<{ url: string; origin: string }>;
const kiosks: Record<string, Awaited<ReturnType<typeof startFleetKiosk>>> = {};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  broker = await startMosquitto({ users: fleetUsers() });
  ops = await startOps(broker);
  for (const id of FLEET_IDS) kiosks[id] = await startFleetKiosk(broker, id);
});

test.afterAll(async () => {
  for (const kiosk of Object.values(kiosks)) await kiosk.stop();
  await ops?.stop();
  await broker?.dispose();
});

test('a staff call acknowledged on the dashboard tells the resident staff are on the way', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'zh-MO' });
  const resident = await context.newPage();
  await resident.goto(kiosks['KIOSK-A']!.info.url);
  await resident.getByRole('button', { name: m('zh-Hant', 'staff.call') }).click();
  await expect(resident.getByRole('dialog', { name: m('zh-Hant', 'staff.calledTitle') })).toBeVisible();

  const operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await operator.goto(ops.info.url);
  const call = operator.locator('#calls li', { hasText: 'KIOSK-A' });
  await expect(call).toContainText('attract');
  await screenshot(operator, 'ops-dashboard-staff-call');
  await call.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(call).toContainText('acknowledged');

  const dialog = resident.getByRole('dialog', { name: m('zh-Hant', 'staff.onTheWayTitle') });
  await expect(dialog).toContainText(m('zh-Hant', 'staff.onTheWay'));
  await expectAccessible(resident);
  await screenshot(resident, 'zh-Hant-staff-on-the-way');
  await dialog.getByRole('button', { name: m('zh-Hant', 'staff.ok') }).click();
  await expect(dialog).toBeHidden();
  await context.close();
});

test('the dashboard: fleet grid live, an alert, a kiosk detail and a kiosk going offline', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(ops.info.url);
  const row = (id: string) => page.locator(`#grid tbody tr[data-kiosk="${id}"]`);
  for (const id of FLEET_IDS) await expect(row(id)).toContainText('online');
  await expect(row('KIOSK-B')).toContainText('in service');
  await expect(page.locator('#conn')).toHaveText('live');
  await screenshot(page, 'ops-dashboard-normal');

  await kiosks['KIOSK-B']!.control({ device: 'receipt-printer', action: 'set-paper', paper: 'out' });
  await expect(row('KIOSK-B')).toContainText('out');
  await expect(page.locator('#alerts li.alert', { hasText: 'KIOSK-B' }).first()).toContainText('paper out');
  await row('KIOSK-B').click();
  await expect(page.locator('#detail')).toContainText('receipt-printer');
  await page.getByRole('button', { name: 'Request diagnostics' }).click();
  await expect(page.locator('#diagnostics')).toContainText('paper-out');
  await screenshot(page, 'ops-dashboard-alert');

  // A kiosk whose process dies: its connection drops and the broker publishes its last will.
  await kiosks['KIOSK-C']!.stop('SIGKILL');
  await expect(row('KIOSK-C')).toContainText('offline', { timeout: 30_000 });
  await screenshot(page, 'ops-dashboard-kiosk-offline');
});
