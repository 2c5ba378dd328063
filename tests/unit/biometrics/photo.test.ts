import sharp from 'sharp';
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

  it('accepts a live JPEG and a signature PNG, refusing other bytes as invalid-params', async () => {
    const photos = new PhotoService(new SimulatedPhotoSource(clock), { shareCodeTries: 3, clock });
    const session = new Session('s', 'en', clock());
    const jpeg = await sharp({ create: { width: 413, height: 531, channels: 3, background: '#eee' } }).jpeg().toBuffer();
    expect(await photos.submitLive(session, jpeg.toString('base64'))).toEqual({ width: 413, height: 531 });
    await expect(photos.submitLive(session, Buffer.from('not an image').toString('base64'))).rejects.toMatchObject({ code: 'invalid-params' });
    const png = await sharp({ create: { width: 600, height: 240, channels: 4, background: '#fff' } }).png().toBuffer();
    await photos.submitSignature(session, png.toString('base64'));
    expect(photos.signatureOf(session)?.length).toBe(png.length);
    await expect(photos.submitSignature(session, jpeg.toString('base64'))).rejects.toMatchObject({ code: 'invalid-params' });
  });

  it('crops a landscape image to 35:45', async () => {
    const wide = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#abc' } }).png().toBuffer();
    const { jpeg, width, height } = await cropToIdPhoto(wide);
    expect([width, height]).toEqual([413, 531]);
    expect((await sharp(jpeg).metadata()).width).toBe(413);
  });
});
