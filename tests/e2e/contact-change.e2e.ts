import { expect, test } from './fixtures/kiosk-host.js';
import { checkScreen, identify, kioskAt, type Lang, m, OFFICE_HOURS, openService, leaveKiosk } from './support/kiosk-page.js';
import { expectReceipt, typeOnKeyboard, verifyFingerprint } from './support/own-data.js';

/**
 * Change of contact details [001 ID Q18]: own, or an own minor child's (the child's card read after
 * the parent's, the relation checked by the host), only the fields the resident changes, typed on
 * the on-screen keyboard; free, so it ends on the receipt. The kiosk's clock: Tuesday 24 Nov 2026,
 * so 3 working days later is Friday 27 Nov.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

const CHAN = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN' };
const DUE: Record<Lang, string> = { 'zh-Hant': '2026年11月27日', 'zh-Hans': '2026年11月27日', pt: '27 de novembro de 2026', en: '27 November 2026' };

for (const lang of ['pt', 'en'] as const satisfies readonly Lang[]) {
  test(`changes own phone, address and emergency contact in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    const flow = 'contact-own';
    await openService(page, kiosk, lang, 'contact-change');
    await identify(page, kiosk, lang, 'chan-tai-man', CHAN);
    await verifyFingerprint(page, kiosk, lang);

    await expect(page.getByRole('heading', { name: m(lang, 'contact.title') })).toBeVisible();
    await checkScreen(page, lang, flow, 1, 'whose');
    await page.getByRole('button', { name: new RegExp(m(lang, 'contact.subjects.self')) }).click();

    // Nothing chosen yet: Continue says to choose something.
    await page.getByRole('button', { name: m(lang, 'contact.next') }).click();
    await expect(page.getByRole('alert')).toHaveText(m(lang, 'contact.errors.nothingChosen'));

    await page.getByRole('button', { name: m(lang, 'contact.groups.phone'), exact: true }).click();
    await page.getByRole('button', { name: m(lang, 'contact.groups.address'), exact: true }).click();
    await page.getByRole('button', { name: m(lang, 'contact.groups.emergency'), exact: true }).click();
    await expect(page.getByRole('button', { name: m(lang, 'contact.groups.phone'), exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(m(lang, 'contact.hints.address'))).toBeVisible();

    // A number that is neither a Macau mobile (6…) nor a landline (2…): explained in place, nothing lost.
    await page.getByLabel(m(lang, 'contact.fields.phone'), { exact: true }).click();
    await typeOnKeyboard(page, lang, '38123456');
    await page.getByLabel(m(lang, 'contact.fields.address'), { exact: true }).click();
    await typeOnKeyboard(page, lang, 'RUA DE SÃO PAULO 12');
    await page.getByLabel(m(lang, 'contact.fields.emergencyName'), { exact: true }).fill('ANA LEI');
    await page.getByLabel(m(lang, 'contact.fields.emergencyPhone'), { exact: true }).click();
    await typeOnKeyboard(page, lang, '+85291234567');
    await page.getByRole('button', { name: m(lang, 'contact.next') }).click();
    await expect(page.getByRole('alert')).toHaveText(m(lang, 'contact.errors.phone'));
    await expect(page.getByLabel(m(lang, 'contact.fields.phone'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(m(lang, 'contact.fields.address'), { exact: true })).toHaveValue('RUA DE SÃO PAULO 12');
    await checkScreen(page, lang, flow, 2, 'phone-error');

    await page.getByLabel(m(lang, 'contact.fields.phone'), { exact: true }).click();
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: m(lang, 'keyboard.delete') }).click();
    await typeOnKeyboard(page, lang, '66123456');
    await page.getByRole('button', { name: m(lang, 'contact.next') }).click();

    // The summary, with the date the host gives for the update.
    await expect(page.getByRole('heading', { name: m(lang, 'contact.confirmTitle') })).toBeVisible();
    const summary = page.getByTestId('contact-summary');
    await expect(summary).toContainText('66123456');
    await expect(summary).toContainText('RUA DE SÃO PAULO 12');
    await expect(summary).toContainText('ANA LEI, +85291234567');
    await expect(page.getByTestId('contact-due')).toHaveText(m(lang, 'contact.dueBy', { date: DUE[lang] }));
    await checkScreen(page, lang, flow, 3, 'confirm');
    await page.getByRole('button', { name: m(lang, 'contact.confirm') }).click();

    await expectReceipt(page, kiosk, lang);
    await checkScreen(page, lang, flow, 4, 'receipt');
    await page.getByRole('button', { name: m(lang, 'actions.finish') }).click();
    await leaveKiosk(page, kiosk, lang);
  });
}

test('a father changes his minor son’s contact details after placing the son’s card (zh-Hant)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lang = 'zh-Hant';
  const flow = 'contact-minor';
  await openService(page, kiosk, lang, 'contact-change');
  await identify(page, kiosk, lang, 'wong-father', { nameZh: '黃志偉', nameLatin: 'WONG CHI WAI' });
  await verifyFingerprint(page, kiosk, lang);

  await page.getByRole('button', { name: new RegExp(m(lang, 'contact.subjects.minor-child')) }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'contact.placeCard.minor-child') })).toBeVisible();
  await checkScreen(page, lang, flow, 1, 'child-card');
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'wong-siu-ming' });

  await expect(page.getByRole('heading', { name: m(lang, 'contact.titleFor', { name: '黃小明' }) })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'contact.groups.phone'), exact: true }).click();
  await page.getByRole('button', { name: m(lang, 'contact.groups.occupation'), exact: true }).click();
  await page.getByLabel(m(lang, 'contact.fields.phone'), { exact: true }).click();
  await typeOnKeyboard(page, lang, '28123456');
  await page.getByLabel(m(lang, 'contact.fields.occupation'), { exact: true }).click();
  await typeOnKeyboard(page, lang, 'ESTUDANTE');
  await checkScreen(page, lang, flow, 2, 'fields');
  await page.getByRole('button', { name: m(lang, 'contact.next') }).click();

  await expect(page.getByRole('heading', { name: m(lang, 'contact.confirmTitle') })).toBeVisible();
  await expect(page.getByTestId('contact-summary')).toContainText('28123456');
  await expect(page.getByTestId('contact-summary')).toContainText('ESTUDANTE');
  await expect(page.getByTestId('contact-due')).toHaveText(m(lang, 'contact.dueBy', { date: DUE[lang] }));
  await checkScreen(page, lang, flow, 3, 'confirm');
  await page.getByRole('button', { name: m(lang, 'contact.confirm') }).click();

  await expectReceipt(page, kiosk, lang);
  await checkScreen(page, lang, flow, 4, 'receipt');
});

test('a child whose relation to the applicant is not on file is refused with the host’s reason (en)', async ({ page, kiosk }) => {
  const lang = 'en';
  await openService(page, kiosk, lang, 'contact-change');
  await identify(page, kiosk, lang, 'chan-tai-man', CHAN);
  await verifyFingerprint(page, kiosk, lang);
  await page.getByRole('button', { name: new RegExp(m(lang, 'contact.subjects.minor-child')) }).click();
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'wong-siu-ming' });
  await expect(page.getByRole('heading', { name: m(lang, 'refusal.title') })).toBeVisible();
  await expect(page.locator('[data-reason="subject-relation-not-on-file"]')).toHaveText(m(lang, 'reasons.subject-relation-not-on-file'));
  await expect(page.getByText(m(lang, 'contact.subjectRead', { name: 'WONG SIU MENG' }))).toBeVisible();
  await checkScreen(page, lang, 'contact-minor', 5, 'not-on-file');
});

test('a legal guardian changes her ward’s address; the ward’s record names her card (en)', async ({ page, kiosk }) => {
  const lang = 'en';
  await openService(page, kiosk, lang, 'contact-change');
  await identify(page, kiosk, lang, 'au-guardian', { nameZh: '區美儀', nameLatin: 'AU MEI I' });
  await verifyFingerprint(page, kiosk, lang);
  await page.getByRole('button', { name: new RegExp(m(lang, 'contact.subjects.ward')) }).click();
  await expect(page.getByRole('heading', { name: m(lang, 'contact.placeCard.ward') })).toBeVisible();
  await kiosk.control({ device: 'card-reader', action: 'place', profile: 'au-lok-i' });
  await expect(page.getByRole('heading', { name: m(lang, 'contact.titleFor', { name: 'AU LOK I' }) })).toBeVisible();
  await page.getByRole('button', { name: m(lang, 'contact.groups.address'), exact: true }).click();
  await page.getByLabel(m(lang, 'contact.fields.address'), { exact: true }).fill('Avenida de Almeida Ribeiro 100');
  await page.getByRole('button', { name: m(lang, 'contact.next') }).click();
  await expect(page.getByTestId('contact-summary')).toContainText('Avenida de Almeida Ribeiro 100');
  await checkScreen(page, lang, 'contact-ward', 1, 'confirm');
  await page.getByRole('button', { name: m(lang, 'contact.confirm') }).click();
  await expectReceipt(page, kiosk, lang);
});
