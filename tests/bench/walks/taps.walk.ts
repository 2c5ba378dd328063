import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../e2e/fixtures/kiosk-host.js';
import { throughToPayment } from '../../e2e/renewal-steps.js';
import { m } from '../../e2e/support/kiosk-page.js';

/**
 * Walks a permanent renewal, attract screen to receipt, the way the e2e tests do, while the page's
 * Event Timing observer keeps every interaction (tap) with its duration: input delay, handlers and
 * the next frame. Once unthrottled and once with the CPU slowed 4x through CDP (a low-end kiosk
 * PC). Writes the durations to tests/artifacts/bench/taps.json for taps.bench.ts.
 */
const walks = Number(process.env.TAPS_WALKS ?? (process.env.BENCH_QUICK === '1' ? 1 : 3));
const out = join(process.cwd(), 'tests/artifacts/bench');

/** One interaction: its slowest event, what was tapped, and the scripts of the long animation frames it overlapped. */
type Tap = { name: string; duration: number; target: string; control: string; startTime: number; phases: string; scripts: string[] };

async function observeTaps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const taps: Tap[] = [];
    (window as unknown as { __taps: Tap[] }).__taps = taps;
    const worst = new Map<number, Tap>();
    // What the tapped control is, for finding it in the code: role, accessible name, classes.
    const describe = (target: Element | null): string => {
      if (!target) return '(gone)';
      const control = target.closest('button, [role], a, input, label') ?? target;
      const label = control.getAttribute('aria-label') ?? control.getAttribute('aria-labelledby') ?? '';
      return `<${control.tagName.toLowerCase()}${control.getAttribute('role') ? ` role=${control.getAttribute('role')}` : ''} class="${control.getAttribute('class') ?? ''}"${label ? ` label="${label}"` : ''}> in ${control.closest('[data-step], main, section')?.getAttribute('class') ?? '?'}`;
    };
    // What each input event hit, read when it is dispatched: a tap that changes the screen has its
    // target removed before the observer reads the entry (Event Timing then gives no target). An
    // entry's startTime is its event's timeStamp, so the entry finds its event's record by that.
    // Only references are kept at input time (the tap's own handlers are measured): a removed
    // element still has its text and ancestors, and the screen's <h1> then is its title.
    const atInput = new Map<number, { target: Element; heading: Element | null }>();
    const textOf = (target: Element): string => {
      const control = target.closest('button, [role], a, input, label') ?? target;
      return (control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 40);
    };
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'keydown', 'keyup']) {
      addEventListener(type, (event) => event.target instanceof Element && atInput.set(event.timeStamp, { target: event.target, heading: document.querySelector('h1') }), { capture: true });
    }
    const recorded = (startTime: number): { text: string; control: string } | undefined => {
      const input = atInput.get(startTime) ?? [...atInput].find(([time]) => Math.abs(time - startTime) < 1)?.[1];
      return input && { text: textOf(input.target), control: `${describe(input.target)} on "${input.heading?.textContent?.trim().slice(0, 40) ?? '?'}"` };
    };
    // Long animation frames (Chromium): which scripts ran in a slow tap's frame, by source and function.
    const frames: Array<{ start: number; end: number; scripts: string[] }> = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<
        PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts?: Array<{ duration: number; invoker: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number }> }
      >) {
        const scripts = (entry.scripts ?? [])
          .filter((script) => script.duration >= 5)
          .map((script) => `${Math.round(script.duration)} ms ${script.invoker} ${script.sourceFunctionName || '?'} ${script.sourceURL.split('/').pop()}:${script.sourceCharPosition}`);
        // The frame's own split: before rendering (scripts, tasks), style and layout, then paint.
        const end = entry.startTime + entry.duration;
        const render = entry.renderStart || end;
        const layout = entry.styleAndLayoutStart || end;
        scripts.unshift(`frame ${Math.round(entry.duration)} ms: tasks ${Math.round(render - entry.startTime)}, rAF/observers ${Math.round(layout - render)}, style+layout+paint ${Math.round(end - layout)}`);
        frames.push({ start: entry.startTime, end, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (!entry.interactionId) continue;
        const target = entry.target instanceof Element && entry.target.isConnected ? entry.target : null;
        const atTap = recorded(entry.startTime);
        const tap: Tap = {
          name: entry.name,
          duration: entry.duration,
          target: atTap?.text ?? (target ? textOf(target) : ''),
          control: atTap?.control ?? describe(target),
          startTime: entry.startTime,
          phases: `input delay ${Math.round(entry.processingStart - entry.startTime)}, handlers ${Math.round(entry.processingEnd - entry.processingStart)}, to paint ${Math.round(entry.startTime + entry.duration - entry.processingEnd)}`,
          scripts: [], // filled in at the end: a frame's entry may come after its taps'
        };
        const seen = worst.get(entry.interactionId);
        if (!seen) {
          worst.set(entry.interactionId, tap);
          taps.push(tap);
        } else if (tap.duration > seen.duration) Object.assign(seen, tap);
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

function collectTaps(): Tap[] {
  const { __taps: taps, __frames: frames } = window as unknown as { __taps: Tap[]; __frames: Array<{ start: number; end: number; scripts: string[] }> };
  for (const tap of taps) tap.scripts = frames.filter((f) => f.end >= tap.startTime && f.start <= tap.startTime + tap.duration).flatMap((f) => f.scripts);
  return taps;
}

async function renewal(page: Page, kiosk: Parameters<typeof throughToPayment>[1]): Promise<void> {
  await throughToPayment(page, kiosk, 'en', { shots: false });
  await kiosk.control({ device: 'payment-terminal', action: 'queue', outcome: 'approve' });
  await page.getByRole('button', { name: m('en', 'paymentMethods.unionpay-quickpass') }).click();
  await expect(page.getByRole('heading', { name: m('en', 'receipt.title') })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: m('en', 'receipt.qrLabel') })).toHaveAttribute('src', /^data:image\/png/, { timeout: 20_000 });
}

// Each walk is its own test: a fresh host and page, as a new resident finds the kiosk.
for (const throttle of [1, 4]) {
  for (let walk = 1; walk <= walks; walk++) {
    test(`taps over a permanent renewal, CPU ${throttle}x, walk ${walk}`, async ({ page, kiosk }) => {
      await observeTaps(page);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await renewal(page, kiosk);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `taps-${throttle}x-walk${walk}.json`), JSON.stringify(await page.evaluate(collectTaps)));
    });
  }
}
