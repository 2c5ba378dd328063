import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, greetingName, identify, type Lang, m, openService } from './support/kiosk-page.js';

/**
 * A card belongs to one visit. Resident A finishes and walks away with the card still on the reader:
 * the kiosk asks for it (picture, words, a chime and the spoken prompt, even with read aloud off), and
 * calls staff when nobody takes it. Resident B starts once it is lifted and never sees A's name. A card
 * left on the reader before B's visit began is never read for B: B is asked to lift it first.
 */
test.use({ hostConfig: { simulators: { delayMs: 150, paymentDefault: 'wait' }, visit: { takeCardStaffSeconds: 3 } } });

const A = { profile: 'expired', nameZh: '林美玲', nameLatin: 'LAM MEI LENG' } as const;
const B = { profile: 'chan-tai-man', nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' } as const;

for (const lang of ['zh-Hant', 'en'] as const satisfies readonly Lang[]) {
  test(`resident A leaves the card; the kiosk asks for it, calls staff; resident B never sees A (${lang})`, async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    const flow = 'take-card';
    await openService(page, kiosk, lang, 'renew-permanent');
    await kiosk.control({ device: 'card-reader', action: 'place', profile: A.profile });
    await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: greetingName(lang, A) }) })).toBeVisible();
    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();

    // The card is still on the reader: the prompt, in A's language, with a chime and spoken words.
    await expect(page.getByRole('heading', { name: m(lang, 'takeCard.title') })).toBeVisible();
    await expect(page.getByText(m(lang, 'takeCard.prompt'))).toBeVisible();
    await expect(page.getByRole('img', { name: m(lang, 'takeCard.picture') })).toBeVisible();
    await expect(page.locator('#speech-output')).toHaveAttribute('data-chime', '1');
    await expect(page.locator('#speech-output')).toHaveAttribute('data-spoken', new RegExp(`${lang}/takeCard.prompt`));
    await checkScreen(page, lang, flow, 1, 'take-card');
    // Nobody takes it: staff are called, and the screen says so.
    await expect(page.getByTestId('take-card-staff')).toHaveText(m(lang, 'takeCard.staffCalled'), { timeout: 10_000 });
    await checkScreen(page, lang, flow, 2, 'staff-called');
    const calls = (await kiosk.state()) as unknown as { 'staff-calls': { recent: Array<{ screen: string }> } };
    expect(calls['staff-calls'].recent.map((call) => call.screen)).toContain('take-card');

    // The card is lifted (by A coming back, or by staff): the next resident's attract screen.
    await kiosk.control({ device: 'card-reader', action: 'remove' });
    await expect(page.getByRole('heading', { name: m('zh-Hant', 'attract.welcome') })).toBeVisible();

    // Resident B: A's name appears nowhere, before or after B's own card.
    await openService(page, kiosk, lang, 'renew-permanent');
    await expect(page.getByText(m(lang, 'identify.placeCard'))).toBeVisible();
    for (const name of [A.nameZh, A.nameLatin]) await expect(page.getByText(name)).toHaveCount(0);
    await kiosk.control({ device: 'card-reader', action: 'place', profile: B.profile });
    await expect(page.getByRole('heading', { name: m(lang, 'greeting.hello', { name: greetingName(lang, B) }) })).toBeVisible();
    for (const name of [A.nameZh, A.nameLatin]) await expect(page.getByText(name)).toHaveCount(0);
  });
}

test('a card left on the reader before the visit began is never read for it: lift it, then place your own (zh-Hant)', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  const lang = 'zh-Hant';
  // Someone's card lies on the reader while the kiosk waits for the next resident.
  await page.goto(kiosk.url);
  await kiosk.control({ device: 'card-reader', action: 'place', profile: A.profile });
  await openService(page, kiosk, lang, 'renew-permanent');
  await expect(page.getByTestId('lift-card')).toHaveText(m(lang, 'identify.lift'));
  for (const name of [A.nameZh, A.nameLatin]) await expect(page.getByText(name)).toHaveCount(0);
  await checkScreen(page, lang, 'take-card', 3, 'lift-card-first');
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await expect(page.getByTestId('lift-card')).toHaveCount(0);
  await identify(page, kiosk, lang, B.profile, B);
  // B's own visit goes on (here: B's card is not yet in its renewal window, so the reasons show).
  await expect(page.getByRole('heading', { name: m(lang, 'refusal.title') })).toBeVisible();
  for (const name of [A.nameZh, A.nameLatin]) await expect(page.getByText(name)).toHaveCount(0);
});
