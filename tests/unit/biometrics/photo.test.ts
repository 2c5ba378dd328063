import sharp from 'sharp';
import { signaturePngBase64 } from '../../../simulators/scenarios/walk-visit.js';
import { blankPngBase64 } from '../../helpers/blank-signature.js';
import { describe, expect, it } from 'vitest';
import { cropToIdPhoto, ID_PHOTO } from '../../../electron/host/photo/id-photo.js';
import { PhotoService } from '../../../electron/host/photo/photo-service.js';
import { SimulatedPhotoSource } from '../../../electron/host/photo/simulated-photo-source.js';
import { Session } from '../../../electron/host/sessions/session.js';

const clock = () => new Date('2026-11-21T09:00:00Z');
const signal = new AbortController().signal;

describe('My Photo by share code', () => {
  it('fetches, crops to the ID format, keeps it in the session and wipes it with the session', async () => {
    const photos = new PhotoService(new SimulatedPhotoSource(clock), { shareCodeTries: 3, clock });
    const session = new Session('s', 'en', clock());
    const answer = await photos.fromShareCode(session, '135791', signal);
    expect(answer.outcome).toBe('found');
    if (answer.outcome !== 'found') return;
    expect(answer.photo).toMatchObject(ID_PHOTO);
    const meta = await sharp(Buffer.from(answer.photo.jpegBase64, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 413, 531]);
    const kept = photos.photoOf(session);
    expect(kept?.source).toBe('my-photo');
    session.wipe();
    expect(kept?.jpeg.every((b) => b === 0)).toBe(true);
  });

  it('counts unknown codes down and then refuses; refuses photos older than a year', async () => {
    const photos = new PhotoService(new SimulatedPhotoSource(clock), { shareCodeTries: 2, clock });
    const session = new Session('s', 'en', clock());
    expect(await photos.fromShareCode(session, '111111', signal)).toMatchObject({ outcome: 'too-old' });
    expect(await photos.fromShareCode(session, '000000', signal)).toEqual({ outcome: 'not-found', triesLeft: 1 });
    expect(await photos.fromShareCode(session, '999999', signal)).toEqual({ outcome: 'not-found', triesLeft: 0 });
    await expect(photos.fromShareCode(session, '246810', signal)).rejects.toMatchObject({ code: 'step-not-allowed' });
  });

  it('accepts a live JPEG in the ID photo format and a signature PNG with ink, refusing anything else as invalid-params', async () => {
    const photos = new PhotoService(new SimulatedPhotoSource(clock), { shareCodeTries: 3, clock });
    const session = new Session('s', 'en', clock());
    const jpeg = await sharp({ create: { width: 413, height: 531, channels: 3, background: '#eee' } }).jpeg().toBuffer();
    expect(await photos.submitLive(session, jpeg.toString('base64'))).toEqual({ width: 413, height: 531 });
    expect(photos.photoOf(session)?.source).toBe('live');
    await expect(photos.submitLive(session, Buffer.from('not an image').toString('base64'))).rejects.toMatchObject({ code: 'invalid-params' });
    // A live capture that is not the ID photo's crop (413 × 531) is refused, and the accepted one stays.
    const wrongSize = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#eee' } }).jpeg().toBuffer();
    await expect(photos.submitLive(session, wrongSize.toString('base64'))).rejects.toMatchObject({ code: 'invalid-params', detail: 'photo-format' });
    expect(photos.photoOf(session)?.jpeg.length).toBe(jpeg.length);

    const signature = Buffer.from(await signaturePngBase64(), 'base64');
    await photos.submitSignature(session, signature.toString('base64'));
    expect(photos.signatureOf(session)).toMatchObject({ width: 600, height: 200 });
    expect(photos.signatureOf(session)?.png.length).toBe(signature.length);
    await expect(photos.submitSignature(session, jpeg.toString('base64'))).rejects.toMatchObject({ code: 'invalid-params' });
    // A blank pad, or a dot, is not a signature: the host measures the ink itself.
    await expect(photos.submitSignature(session, await blankPngBase64())).rejects.toMatchObject({ code: 'invalid-params', detail: 'too-little-ink' });
    const dot = await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="360"><rect width="900" height="360" fill="white"/><circle cx="450" cy="180" r="6" fill="#10233a"/></svg>')).png().toBuffer();
    await expect(photos.submitSignature(session, dot.toString('base64'))).rejects.toMatchObject({ code: 'invalid-params', detail: 'too-little-ink' });
    expect(photos.signatureOf(session)?.png.length).toBe(signature.length);
  });

  it('crops a landscape image to 35:45', async () => {
    const wide = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#abc' } }).png().toBuffer();
    const { jpeg, width, height } = await cropToIdPhoto(wide);
    expect([width, height]).toEqual([413, 531]);
    expect((await sharp(jpeg).metadata()).width).toBe(413);
  });
});
