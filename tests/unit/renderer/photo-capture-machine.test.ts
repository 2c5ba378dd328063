import { describe, expect, it } from 'vitest';
import {
  cameraOn,
  COUNTDOWN_FROM,
  initialPhotoState,
  PHOTO_TRANSITIONS,
  type PhotoEvent,
  type PhotoState,
  photoStep,
} from '../../../renderer/steps/photo/photo-capture-machine.js';

const review = (source: 'live' | 'my-photo' | 'scanned-photo'): PhotoState => ({ name: 'review', dataUrl: 'data:x', source });
const STATES: PhotoState[] = [
  { name: 'choose' },
  { name: 'live' },
  { name: 'countdown', remaining: 2 },
  { name: 'capturing' },
  { name: 'share-code' },
  { name: 'scan' },
  review('live'),
];
const EVENTS: PhotoEvent[] = [
  { type: 'choose', mode: 'share-code' },
  { type: 'face-ready' },
  { type: 'face-lost' },
  { type: 'tick' },
  { type: 'captured', dataUrl: 'data:y', source: 'my-photo' },
  { type: 'capture-failed' },
  { type: 'retake' },
];

describe('the photo step machine', () => {
  it('starts on the choice where the step offers more than one source, else on the only one', () => {
    expect(initialPhotoState(['live', 'one-account-id-photo'])).toEqual({ name: 'choose' });
    // A scanned print is the camera's alternative, offered on the camera screen: no choice first.
    expect(initialPhotoState(['live', 'scanned-photo'])).toEqual({ name: 'live' });
    expect(initialPhotoState(['live'])).toEqual({ name: 'live' });
    expect(initialPhotoState(['one-account-id-photo'])).toEqual({ name: 'share-code' });
  });

  it('choose: the resident picks the camera, My Photo or the scanner', () => {
    expect(photoStep({ name: 'choose' }, { type: 'choose', mode: 'live' })).toEqual({ name: 'live' });
    expect(photoStep({ name: 'choose' }, { type: 'choose', mode: 'share-code' })).toEqual({ name: 'share-code' });
    expect(photoStep({ name: 'choose' }, { type: 'choose', mode: 'scan' })).toEqual({ name: 'scan' });
  });

  it('live → countdown from 3 when the face is ready', () => {
    expect(photoStep({ name: 'live' }, { type: 'face-ready' })).toEqual({ name: 'countdown', remaining: COUNTDOWN_FROM });
    expect(COUNTDOWN_FROM).toBe(3);
  });

  it('countdown: 3 → 2 → 1 → capturing, one tick a second', () => {
    let state: PhotoState = { name: 'countdown', remaining: 3 };
    const seen: PhotoState[] = [];
    for (let i = 0; i < 3; i++) seen.push((state = photoStep(state, { type: 'tick' })));
    expect(seen).toEqual([{ name: 'countdown', remaining: 2 }, { name: 'countdown', remaining: 1 }, { name: 'capturing' }]);
  });

  it('countdown → live when the face is lost (a new countdown follows when it is ready again)', () => {
    expect(photoStep({ name: 'countdown', remaining: 2 }, { type: 'face-lost' })).toEqual({ name: 'live' });
  });

  it('capturing → review with the live shot, or back to the camera when the host refuses it', () => {
    expect(photoStep({ name: 'capturing' }, { type: 'captured', dataUrl: 'data:z', source: 'live' })).toEqual({ name: 'review', dataUrl: 'data:z', source: 'live' });
    expect(photoStep({ name: 'capturing' }, { type: 'capture-failed' })).toEqual({ name: 'live' });
    // A panel's photo cannot arrive while the camera is taking one, nor a live shot outside the capture.
    expect(photoStep({ name: 'capturing' }, { type: 'captured', dataUrl: 'data:z', source: 'my-photo' })).toEqual({ name: 'capturing' });
    expect(photoStep({ name: 'share-code' }, { type: 'captured', dataUrl: 'data:z', source: 'live' })).toEqual({ name: 'share-code' });
  });

  it('share-code and scan → review with their photo', () => {
    expect(photoStep({ name: 'share-code' }, { type: 'captured', dataUrl: 'd', source: 'my-photo' })).toEqual({ name: 'review', dataUrl: 'd', source: 'my-photo' });
    expect(photoStep({ name: 'scan' }, { type: 'captured', dataUrl: 'd', source: 'scanned-photo' })).toEqual({ name: 'review', dataUrl: 'd', source: 'scanned-photo' });
  });

  it('review → retake: a live or My Photo is taken live again, a scanned print scanned again', () => {
    expect(photoStep(review('live'), { type: 'retake' })).toEqual({ name: 'live' });
    expect(photoStep(review('my-photo'), { type: 'retake' })).toEqual({ name: 'live' });
    expect(photoStep(review('scanned-photo'), { type: 'retake' })).toEqual({ name: 'scan' });
  });

  it('takes only the events its table lists; any other leaves the state unchanged', () => {
    for (const state of STATES) {
      for (const event of EVENTS) {
        const next = photoStep(state, event);
        if (!PHOTO_TRANSITIONS[state.name].includes(event.type)) expect(next, `${state.name} + ${event.type}`).toBe(state);
      }
    }
    // No countdown without the camera, no capture without a countdown.
    expect(photoStep({ name: 'choose' }, { type: 'face-ready' })).toEqual({ name: 'choose' });
    expect(photoStep({ name: 'live' }, { type: 'tick' })).toEqual({ name: 'live' });
  });

  it('runs the camera in live, countdown and capturing only', () => {
    expect(STATES.filter(cameraOn).map((s) => s.name)).toEqual(['live', 'countdown', 'capturing']);
  });
});
