import sharp from 'sharp';

/** A blank pad: what a forged "signature" without ink looks like. */
export async function blankPngBase64(): Promise<string> {
  return (await sharp({ create: { width: 900, height: 360, channels: 3, background: '#ffffff' } }).png().toBuffer()).toString('base64');
}
