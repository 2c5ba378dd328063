import { statusShown } from '../../tests/e2e/support/status-record.js';
import type { z } from 'zod';
import { parseDuration } from '../../simulators/control/clock-command.js';
import { m } from '../../tests/e2e/support/kiosk-page.js';
import type { STEP_SCHEMAS } from './format.js';
import { DEFAULT_WITHIN_MS, ExpectationFailed, type StepContext, text } from './step-context.js';

type Expectation = z.output<(typeof STEP_SCHEMAS)['expect']>;

interface JournalSummary {
  openSessions: number;
  applications: Array<{ service: string; state: string; payments: Array<{ state: string }> }>;
}

interface BackofficeApplication {
  service: string;
  feeAvos: number;
  paymentReference: string | null;
  heightMm: number | null;
  payAtCounter?: boolean;
  withdrawal: { refund: unknown } | null;
}

/**
 * Checks one `expect:` step. Each check waits up to `within` for the kiosk to agree (screens and
 * devices move on their own time), then fails with what it expected and what the kiosk showed.
 */
export async function checkExpectation(ctx: StepContext, e: Expectation): Promise<void> {
  const within = e.within ? (parseDuration(e.within) ?? DEFAULT_WITHIN_MS) : DEFAULT_WITHIN_MS;
  const { page } = ctx;
  if (e.screen !== undefined) {
    const name = text(ctx, e.screen);
    await visible(ctx, page.getByRole('heading', { name, exact: true }).first(), `the screen "${name}"`, within);
  }
  for (const t of e.text === undefined ? [] : Array.isArray(e.text) ? e.text : [e.text]) {
    const shown = text(ctx, t);
    await visibleOrBriefStatus(ctx, shown, within);
  }
  for (const t of e.absent === undefined ? [] : Array.isArray(e.absent) ? e.absent : [e.absent]) {
    const hidden = text(ctx, t);
    await until(async () => (await page.getByText(hidden, { exact: false }).filter({ visible: true }).count()) === 0, within, async () => new ExpectationFailed(`no "${hidden}" on screen`, `it is shown; ${await onScreen(ctx)}`));
  }
  if (e.alert !== undefined) {
    const said = text(ctx, e.alert);
    await visible(ctx, page.getByRole('alert').filter({ hasText: said }).first(), `an alert saying "${said}"`, within);
  }
  for (const key of e.spoken === undefined ? [] : Array.isArray(e.spoken) ? e.spoken : [e.spoken]) {
    // The speaker writes what it said on this screen as clip ids (`en/menu.title`) on #speech-output (renderer/speech/speaker.ts).
    const clip = `${ctx.lang}/${key}`;
    let said = '';
    const holds = async (): Promise<boolean> => {
      said = (await page.locator('#speech-output').getAttribute('data-spoken').catch(() => null)) ?? '';
      return said.split(' ').includes(clip);
    };
    await until(holds, within, async () => new ExpectationFailed(`"${text(ctx, key)}" read aloud (${clip})`, said ? `read aloud: ${said}` : 'nothing read aloud (is read aloud on?)'));
  }
  if (e.receipt) {
    const { count, contains } = e.receipt;
    let last = { printedCount: 0, lastText: null as string | null };
    const holds = async (): Promise<boolean> => {
      const printer = (await ctx.kiosk.state())['receipt-printer'] as typeof last;
      last = { printedCount: printer.printedCount - ctx.since.printed, lastText: printer.printedCount > ctx.since.printed ? printer.lastText : null };
      const countOk = count === undefined ? last.printedCount > 0 : last.printedCount === count;
      return countOk && contains.every((c) => (last.lastText ?? '').includes(c));
    };
    await until(holds, within, async () => new ExpectationFailed(`${count === undefined ? 'a receipt' : `${count} receipt(s)`} printed${contains.length ? ` containing ${contains.map((c) => JSON.stringify(c)).join(', ')}` : ''}`, `${last.printedCount} printed; the last:\n${last.lastText ?? '(none)'}`));
  }
  if (e.backoffice) {
    const want = e.backoffice;
    let apps: BackofficeApplication[] = [];
    const holds = async (): Promise<boolean> => {
      apps = ((await (await ctx.kiosk.backofficeControl('/v1/_control/applications')).json()) as { applications: BackofficeApplication[] }).applications.slice(ctx.since.applications);
      const newest = apps.at(-1);
      if (want.applications !== undefined && apps.length !== want.applications) return false;
      if (!newest) return want.applications === 0 && Object.keys(want).length === 1;
      return (
        (want.service === undefined || newest.service === want.service) &&
        (want.feeAvos === undefined || newest.feeAvos === want.feeAvos) &&
        (want.paid === undefined || (newest.paymentReference !== null) === want.paid) &&
        (want.withdrawn === undefined || (newest.withdrawal !== null) === want.withdrawn) &&
        (want.refunded === undefined || (newest.withdrawal?.refund != null) === want.refunded) &&
        (want.heightMm === undefined || newest.heightMm === want.heightMm) &&
        (want.payAtCounter === undefined || newest.payAtCounter === want.payAtCounter)
      );
    };
    const describe = (a: BackofficeApplication | undefined): string =>
      a ? JSON.stringify({ service: a.service, feeAvos: a.feeAvos, paid: a.paymentReference !== null, withdrawn: a.withdrawal !== null, refunded: a.withdrawal?.refund != null, heightMm: a.heightMm, payAtCounter: a.payAtCounter }) : '(none)';
    await until(holds, within, async () => new ExpectationFailed(`the back office holding ${JSON.stringify(want)}`, `${apps.length} application(s); the newest ${describe(apps.at(-1))}`));
  }
  if (e.govpay) {
    const want = e.govpay;
    let counts: Record<string, number> = {};
    const holds = async (): Promise<boolean> => {
      const { payments } = (await (await ctx.kiosk.backofficeControl('/v1/_control/govpay')).json()) as { payments: Array<{ status: string }> };
      counts = {};
      for (const p of payments.slice(ctx.since.govpay)) counts[p.status] = (counts[p.status] ?? 0) + 1;
      return Object.entries(want).every(([status, n]) => (counts[status] ?? 0) === n);
    };
    await until(holds, within, async () => new ExpectationFailed(`GovPay payments ${JSON.stringify(want)}`, JSON.stringify(counts)));
  }
  if (e.charged !== undefined) {
    const want = e.charged;
    let kept: Array<{ reference: string; amountAvos: number; state: string }> = [];
    const holds = async (): Promise<boolean> => {
      const terminal = (await ctx.kiosk.state())['payment-terminal'] as { transactions: Array<{ reference: string; amountAvos: number; state: string }> };
      kept = terminal.transactions.filter((t) => t.state === 'approved').slice(ctx.since.charged);
      return kept.length === want;
    };
    await until(holds, within, async () => new ExpectationFailed(`${want} charge(s) kept by the terminal`, `${kept.length}: ${JSON.stringify(kept)}`));
  }
  if (e.journal) {
    const want = e.journal;
    let held: JournalSummary | undefined;
    const holds = async (): Promise<boolean> => {
      const journal = (await ctx.kiosk.state()).journal as JournalSummary;
      held = { ...journal, applications: journal.applications.slice(ctx.since.journal) };
      const newest = held.applications.at(-1);
      return (
        (want.applications === undefined || held.applications.length === want.applications) &&
        (want.openSessions === undefined || held.openSessions === want.openSessions) &&
        (want.state === undefined || newest?.state === want.state) &&
        (want.payment === undefined || newest?.payments.at(-1)?.state === want.payment)
      );
    };
    await until(holds, within, async () => new ExpectationFailed(`the journal holding ${JSON.stringify(want)}`, JSON.stringify(held)));
  }
  if (e.staffCalls !== undefined) {
    const want = e.staffCalls;
    let count = 0;
    await until(
      async () => {
        count = ((await ctx.kiosk.state())['staff-calls'] as { count: number }).count - ctx.since.staffCalls;
        return count === want;
      },
      within,
      async () => new ExpectationFailed(`${want} staff call(s)`, String(count)),
    );
  }
  if (e.noPersonalData) await noPersonalData(ctx, within);
}

/** After the visit: no card in the reader, the attract screen, and nothing of the resident's on the page or in its storage. */
async function noPersonalData(ctx: StepContext, within: number): Promise<void> {
  const { page, kiosk, scenario } = ctx;
  const welcome = m('zh-Hant', 'attract.welcome');
  await visible(ctx, page.getByRole('heading', { name: welcome }).first(), `the attract screen ("${welcome}") after the visit`, within);
  const card = ((await kiosk.state())['card-reader'] as { card: unknown }).card;
  if (card) throw new ExpectationFailed('no card left in the reader', `a card is still there: ${JSON.stringify(card)}`);
  const left = await page.evaluate(() => {
    const storage = [localStorage, sessionStorage].flatMap((s) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`));
    return { body: document.body.innerText, storage: storage.join('\n') };
  });
  for (const data of scenario.resident) {
    if (left.body.includes(data)) throw new ExpectationFailed(`"${data}" gone from the screen after the visit`, 'it is still on the page');
    if (left.storage.includes(data)) throw new ExpectationFailed(`"${data}" gone from the browser's storage after the visit`, 'it is still stored');
  }
}

/** A text on screen, or a status message shown for a moment before the flow moved on by itself (a device's success). */
async function visibleOrBriefStatus(ctx: StepContext, shown: string, within: number): Promise<void> {
  const locator = ctx.page.getByText(shown, { exact: false }).first();
  const deadline = Date.now() + within;
  while (Date.now() < deadline) {
    if (await statusShown(ctx.page, shown)) return;
    if (await locator.isVisible()) return;
    await ctx.page.waitForTimeout(100);
  }
  throw new ExpectationFailed(`the text "${shown}"`, await onScreen(ctx));
}

async function visible(ctx: StepContext, locator: ReturnType<StepContext['page']['locator']>, what: string, within: number): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout: within });
  } catch {
    throw new ExpectationFailed(what, await onScreen(ctx));
  }
}

/** What the screen shows, for a failure's "actual": the headings and any alert. */
export async function onScreen(ctx: StepContext): Promise<string> {
  return onScreenOf(ctx.page);
}

export async function onScreenOf(page: StepContext['page']): Promise<string> {
  try {
    const headings = (await page.getByRole('heading').filter({ visible: true }).allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    const alerts = (await page.getByRole('alert').filter({ visible: true }).allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    return `screen ${headings.map((h) => `"${h}"`).join(', ') || '(no heading)'}${alerts.length ? `; alert ${alerts.map((a) => `"${a}"`).join(', ')}` : ''}`;
  } catch (error) {
    return `(the page could not be read: ${(error as Error).message})`;
  }
}

async function until(check: () => Promise<boolean>, within: number, failure: () => Promise<ExpectationFailed>): Promise<void> {
  const deadline = Date.now() + within;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw await failure();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
