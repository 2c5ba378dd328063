import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { EventPayload } from '../../../electron/shared/kiosk-api/contract.js';
import type { KioskHost } from '../../../electron/host/host.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';
import { idPhotoBase64, walkVisit } from '../../../simulators/scenarios/walk-visit.js';

/**
 * The photo and height steps through the raw KioskApi over the browser-mode WebSocket: the
 * host refuses a photo source the step does not offer, whatever the screen showed, and reports the
 * gauge's prompts live while `height.measure` waits.
 */
let running: RawApiHost;
let host: KioskHost;
let api: KioskApi;

beforeAll(async () => {
  // Tuesday 24 Nov 2026, 10:30 in Macau: office hours on a working day.
  running = await startRawApiHost({}, () => new Date('2026-11-24T10:30:00+08:00'));
  ({ host, api } = running);
});

afterEach(async () => {
  await api.session.end({ reason: 'finished' });
});

afterAll(() => running.close());

describe('the photo step takes only the sources it offers', () => {
  it('the permanent renewal offers the camera and a scanned print: the 一戶通 photo is refused, typed', async () => {
    await api.session.start({ language: 'en' });
    const state = await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired', until: ['photo'] });
    expect(state.phase === 'steps' && state.current).toMatchObject({ kind: 'photo', sources: ['live', 'scanned-photo'] });
    expect(await api.photo.fromShareCode({ code: '246810' })).toMatchObject({ ok: false, error: { code: 'invalid-choice', detail: 'source' } });
    // An offered source still works after the refusal.
    expect(await api.photo.submitLive({ jpegBase64: await idPhotoBase64() })).toMatchObject({ ok: true });
  });

  it('the non-permanent renewal offers the camera and My Photo: a scanned print is refused, My Photo is taken', async () => {
    await api.session.start({ language: 'en' });
    const state = await walkVisit(api, host.simulatorControls!, 'renew-nonpermanent', { applicant: 'maria-santos', until: ['photo'] });
    expect(state.phase === 'steps' && state.current).toMatchObject({ kind: 'photo', sources: ['live', 'one-account-id-photo'] });
    expect(await api.photo.scanOwn({})).toMatchObject({ ok: false, error: { code: 'invalid-choice', detail: 'source' } });
    expect(await api.photo.fromShareCode({ code: '246810' })).toMatchObject({ ok: true, value: { outcome: 'found' } });
  });
});

describe('the height gauge reports its prompts live', () => {
  it('step on, stand straight, measuring, step off while height.measure waits; nothing after it returns', async () => {
    await api.session.start({ language: 'en' });
    await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired', until: ['height'] });
    const gauge = host.simulatorControls!['height-gauge'];
    gauge.setHeightMm(null);
    const prompts: Array<EventPayload<'height.prompt'>['prompt']> = [];
    const off = api.on('height.prompt', ({ prompt }) => {
      prompts.push(prompt);
      // The resident arrives once the gauge has asked for them.
      if (prompt === 'step-on') gauge.setHeightMm(1_693);
    });
    try {
      expect(await api.height.measure({}, { signal: AbortSignal.timeout(5_000) })).toEqual({ ok: true, value: { heightMm: 1_693 } });
      expect(prompts).toEqual(['step-on', 'stand-straight', 'measuring', 'step-off']);
      // The listener goes with the call: nothing more arrives once it has returned.
      const after = prompts.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(prompts.length).toBe(after);
    } finally {
      off();
    }
  });
});
