import { describe, expect, it } from 'vitest';
import { judgeScannedPhoto } from '../../../renderer/biometrics/scanned-photo-checks.js';
import { cardScanStep, type CardScanState } from '../../../renderer/steps/card-scan/card-scan-machine.js';
import { scanOwnStep, type ScanOwnState } from '../../../renderer/steps/photo/scan-own-machine.js';

describe('the scanned photo’s face checks', () => {
  const observation = { frameWidth: 413, frameHeight: 531, brightness: 140, sharpness: 40 };
  it('a print without a face, or with two, is not a face; a dark or blurred one is unclear; a big centred face passes', () => {
    expect(judgeScannedPhoto({ ...observation, faces: [] })).toBe('not-a-face');
    const face = { x: 100, y: 120, width: 213, height: 260 };
    expect(judgeScannedPhoto({ ...observation, faces: [face, face] })).toBe('not-a-face');
    expect(judgeScannedPhoto({ ...observation, faces: [face], brightness: 30 })).toBe('unclear');
    expect(judgeScannedPhoto({ ...observation, faces: [face], sharpness: 2 })).toBe('unclear');
    // Near and off the live camera's framing: the print's crop is the format, so it passes.
    expect(judgeScannedPhoto({ ...observation, faces: [{ x: 10, y: 60, width: 300, height: 380 }] })).toBe('ok');
  });
});

describe('the scan-own and card-scan machines', () => {
  it('scan my own photo: scan → checking → accepted, or refused and scanned again; other events change nothing', () => {
    let state: ScanOwnState = { name: 'place' };
    expect(scanOwnStep(state, { type: 'face-ok' })).toBe(state);
    state = scanOwnStep(state, { type: 'scan' });
    state = scanOwnStep(state, { type: 'refused', reason: 'crooked' });
    expect(state).toEqual({ name: 'refused', reason: 'crooked' });
    state = scanOwnStep(scanOwnStep(state, { type: 'scan' }), { type: 'scanned', jpegBase64: 'x' });
    expect(scanOwnStep(state, { type: 'face-ok' })).toEqual({ name: 'accepted', jpegBase64: 'x' });
    expect(scanOwnStep({ name: 'accepted', jpegBase64: 'x' }, { type: 'scan' })).toEqual({ name: 'accepted', jpegBase64: 'x' });
  });

  it('the card: front, then back, then done; a refusal keeps the sides already scanned', () => {
    let state: CardScanState = { name: 'place', side: 'front', scanned: {} };
    state = cardScanStep(cardScanStep(state, { type: 'scan' }), { type: 'scanned', side: 'front', jpegBase64: 'f', next: 'back' });
    expect(state).toEqual({ name: 'place', side: 'back', scanned: { front: 'f' } });
    state = cardScanStep(cardScanStep(state, { type: 'scan' }), { type: 'refused', reason: 'not-a-card' });
    expect(state).toEqual({ name: 'refused', side: 'back', reason: 'not-a-card', scanned: { front: 'f' } });
    state = cardScanStep(cardScanStep(state, { type: 'scan' }), { type: 'scanned', side: 'back', jpegBase64: 'b', next: undefined });
    expect(state).toEqual({ name: 'done', side: 'back', scanned: { front: 'f', back: 'b' } });
  });
});
