import { expect, test } from './fixtures/kiosk-host.js';
import { addRelative, CHAN, CHANG, confirmSummary, identifiedAndVerified, payByMacauPassToReceipt, swapCard } from './kinship-steps.js';
import { checkScreen, kioskAt, type Lang, m, OFFICE_HOURS, pickupAddress } from './support/kiosk-page.js';

/**
 * The kinship certificate end to end: relatives' cards one by one (own card and duplicates refused,
 * one removed), paper or electronic and copies with the host's live fee, pickup, Macau Pass, receipt.
 */
test.use({ hostConfig: kioskAt(OFFICE_HOURS) });

for (const lang of ['zh-Hant', 'zh-Hans'] as const satisfies readonly Lang[]) {
  test(`a kinship certificate end to end in ${lang}`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    const flow = 'kinship-certificate';
    await identifiedAndVerified(page, kiosk, lang, 'kinship-certificate', CHAN);

    await expect(page.getByRole('heading', { name: m(lang, 'kinship.relativesTitle') })).toBeVisible();
    await expect(page.getByRole('button', { name: m(lang, 'greeting.continue') })).toBeDisabled();
    await checkScreen(page, lang, flow, 1, 'relatives-empty');

    // The resident's own card is still on the reader: refused.
    await page.locator('[data-relation="parent"]').click();
    await expect(page.getByRole('alert')).toHaveText(new RegExp(m(lang, 'kinship.refused.own-card')));
    await checkScreen(page, lang, flow, 2, 'own-card-refused');
    // Lifting it starts the read again: the father's card is added (masked).
    await swapCard(kiosk, 'chan-father');
    await expect(page.locator('[data-relative]')).toHaveCount(1);
    await expect(page.locator('[data-relative="0"]')).toContainText('陳*明');
    await expect(page.locator('[data-relative="0"]')).toContainText('****001(5)');
    await expect(page.locator('[data-relative="0"]')).not.toContainText('陳志明');

    // The same card again: refused as a duplicate; the other parent's card is then read as a parent.
    await page.locator('[data-relation="parent"]').click();
    await expect(page.getByRole('alert')).toHaveText(new RegExp(m(lang, 'kinship.refused.duplicate')));
    await checkScreen(page, lang, flow, 3, 'duplicate-refused');
    await swapCard(kiosk, 'chan-mother');
    await expect(page.locator('[data-relative]')).toHaveCount(2);
    await addRelative(page, kiosk, lang, 'spouse', 'chan-spouse', 3);
    await expect(page.locator('[data-relative="2"]')).toContainText(m(lang, 'kinship.relations.spouse'));
    await checkScreen(page, lang, flow, 4, 'relatives-three');

    // Remove the mother: the spouse moves up.
    await page.locator('[data-relative="1"]').getByRole('button', { name: m(lang, 'kinship.remove') }).click();
    await expect(page.locator('[data-relative]')).toHaveCount(2);
    await expect(page.locator('[data-relative="1"]')).toContainText('何*君');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

    // Format and copies with the live fee from the host.
    await expect(page.getByRole('heading', { name: m(lang, 'certificate.title') })).toBeVisible();
    await expect(page.getByText(m(lang, 'certificate.chooseFormatFirst'))).toBeVisible();
    await checkScreen(page, lang, flow, 5, 'format');
    const fee = page.getByTestId('live-fee');
    await page.locator('[data-format="paper"]').click();
    await expect(fee).toHaveText(/15[.,]00/);
    await page.getByRole('button', { name: m(lang, 'certificate.more') }).click();
    await expect(page.getByTestId('copies')).toHaveText('2');
    await expect(fee).toHaveText(/30[.,]00/);
    await page.getByRole('button', { name: m(lang, 'certificate.more') }).click();
    await expect(fee).toHaveText(/45[.,]00/);
    await page.locator('[data-format="electronic"]').click();
    await expect(page.getByText(m(lang, 'certificate.electronicHint'))).toBeVisible();
    await expect(fee).toHaveText(/45[.,]00/);
    await page.getByRole('button', { name: m(lang, 'certificate.fewer') }).click();
    await expect(fee).toHaveText(/30[.,]00/);
    // zh-Hant takes two paper copies (collected at a pickup place), zh-Hans two electronic ones (nothing to collect).
    const format = lang === 'zh-Hant' ? 'paper' : 'electronic';
    await page.locator(`[data-format="${format}"]`).click();
    await expect(page.locator(`[data-format="${format}"]`)).toHaveAttribute('aria-pressed', 'true');
    await expect(fee).toHaveText(/30[.,]00/);
    await checkScreen(page, lang, flow, 6, 'format-chosen');
    await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

    if (format === 'paper') {
      await expect(page.getByRole('heading', { name: m(lang, 'pickup.title') })).toBeVisible();
      await checkScreen(page, lang, flow, 7, 'pickup');
      await page.locator('[data-place="hq"]').click();
      await expect(page.getByRole('row', { name: new RegExp(m(lang, 'review.address')) })).toContainText(pickupAddress(lang, 'hq'));
    } else {
      await expect(page.getByRole('row', { name: new RegExp(m(lang, 'review.delivery')) })).toContainText(m(lang, 'review.electronic'));
    }
    // The summary lists the relatives read (names masked) and the certificate chosen.
    await expect(page.getByRole('row', { name: new RegExp(m(lang, 'review.relatives')) })).toContainText(m(lang, 'kinship.relations.parent'));
    await confirmSummary(page, lang, /30[.,]00/, { flow, n: 7 });
    // Payment by Macau Pass for two copies.
    await payByMacauPassToReceipt(page, kiosk, lang, flow, 8, /30[.,]00/);
    await expect(page.getByText(m(lang, 'receipt.pickup', { place: m(lang, 'pickupPlaces.hq') }))).toHaveCount(format === 'paper' ? 1 : 0);
    // One Macau Pass charge of MOP 30 (two paper copies).
    const terminal = ((await kiosk.state()) as { 'payment-terminal': { transactions: Array<{ amountAvos: number; tender: string; state: string }> } })['payment-terminal'];
    expect(terminal.transactions.map(({ amountAvos, tender, state }) => ({ amountAvos, tender, state }))).toEqual([{ amountAvos: 3000, tender: 'macau-pass', state: 'approved' }]);
  });
}

test('at most eight relatives: the ninth cannot be added (zh-Hans)', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  const lang = 'zh-Hans';
  await identifiedAndVerified(page, kiosk, lang, 'kinship-certificate', CHAN);
  await expect(page.getByRole('heading', { name: m(lang, 'kinship.relativesTitle') })).toBeVisible();
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  const eight = [
    ['parent', 'chan-father'],
    ['parent', 'chan-mother'],
    ['spouse', 'chan-spouse'],
    ['child', 'chan-son'],
    ['child', 'chan-daughter'],
    ['sibling', 'chan-brother'],
    ['sibling', 'chan-sister'],
    ['paternal-grandparent', 'chan-grandfather'],
  ] as const;
  for (const [index, [relation, profile]] of eight.entries()) await addRelative(page, kiosk, lang, relation, profile, index + 1);
  await expect(page.getByText(m(lang, 'kinship.full', { max: '8' }))).toBeVisible();
  await expect(page.locator('[data-relation]')).toHaveCount(0);
  await checkScreen(page, lang, 'kinship-certificate', 20, 'relatives-full');

  // Replace one: the grandfather's entry becomes the grandmother's.
  await page.locator('[data-relative="7"]').getByRole('button', { name: m(lang, 'kinship.replace') }).click();
  await swapCard(kiosk, 'chan-grandmother');
  await expect(page.locator('[data-relative="7"]')).toContainText('黃*英');
  await expect(page.locator('[data-relative]')).toHaveCount(8);
});

test('a relation not on file is refused and refers the same resident to kinship verification (zh-Hant)', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  const lang = 'zh-Hant';
  await identifiedAndVerified(page, kiosk, lang, 'kinship-certificate', CHANG);
  await kiosk.control({ device: 'card-reader', action: 'remove' });
  await addRelative(page, kiosk, lang, 'parent', 'chan-father', 1);
  await page.getByRole('button', { name: m(lang, 'greeting.continue') }).click();

  await expect(page.getByRole('heading', { name: m(lang, 'refusal.title') })).toBeVisible();
  await expect(page.locator('[data-reason="kinship-not-on-file"]')).toHaveText(m(lang, 'reasons.kinship-not-on-file'));
  await expect(page.locator('[data-referral="kinship-verification"]')).toHaveText(m(lang, 'referrals.kinship-verification'));
  await checkScreen(page, lang, 'kinship-certificate', 30, 'refusal-referral');
  await page.getByRole('button', { name: m(lang, 'kinship.referral') }).click();

  // Already identified and verified in this visit: the host carries both steps over, so no card and no finger again.
  await expect(page.getByRole('heading', { name: m(lang, 'kinship.verifyTitle') })).toBeVisible();
});
