/**
 * The sample documents a tester can lay on the simulated bed, as layouts in millimetres from the
 * bed's corner mark. Each is drawn point by point at whatever resolution a scan asks for.
 */

export const SAMPLE_DOCUMENTS = [
  'photo-print', // a 35 × 45 mm ID photo print, square to the corner mark
  'crooked-photo', // the same print, turned 12° on the bed
  'small-photo', // a 20 × 26 mm print: too small for the card's face image
  'not-a-face', // a 35 × 45 mm print of a landscape
  'id-card', // an ID card (ISO 7810 ID-1, 85.6 × 54 mm), front up
  'empty', // nothing on the bed
] as const;
export type SampleDocument = (typeof SAMPLE_DOCUMENTS)[number];

/** An RGB picture (the photo print's face), row-major 8-bit. */
export interface RgbPicture {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface Placement {
  document: SampleDocument;
  /** A shiny print: a bright reflection across the face. */
  glare: boolean;
  /** The picture printed on photo prints; a drawn face when absent. */
  face: RgbPicture | undefined;
}

type Rgb = [number, number, number];

interface Sheet {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  degrees: number;
  /** The colour at (u, v) ∈ [0, 1)² of the sheet. */
  paint(u: number, v: number): Rgb;
}

/** The lid's backing is black, as on scanners that crop photos themselves: a pale print stands out. */
const LID: Rgb = [24, 24, 26];

/** The sheet lying on the bed for a placement, or none. */
export function sheetOf(placement: Placement): Sheet | undefined {
  const face = (u: number, v: number): Rgb => facePaint(placement, u, v);
  switch (placement.document) {
    case 'photo-print':
      return { xMm: 5, yMm: 5, widthMm: 35, heightMm: 45, degrees: 0, paint: face };
    case 'crooked-photo':
      return { xMm: 12, yMm: 10, widthMm: 35, heightMm: 45, degrees: 12, paint: face };
    case 'small-photo':
      return { xMm: 5, yMm: 5, widthMm: 20, heightMm: 26, degrees: 0, paint: face };
    case 'not-a-face':
      return { xMm: 5, yMm: 5, widthMm: 35, heightMm: 45, degrees: 0, paint: landscape };
    case 'id-card':
      return { xMm: 5, yMm: 5, widthMm: 85.6, heightMm: 54, degrees: 0, paint: idCard };
    case 'empty':
      return undefined;
  }
}

/** The colour seen at a point of the bed (mm), lid where no sheet lies. */
export function colourAt(sheet: Sheet | undefined, xMm: number, yMm: number): Rgb {
  if (!sheet) return lid(xMm, yMm);
  const cx = sheet.xMm + sheet.widthMm / 2;
  const cy = sheet.yMm + sheet.heightMm / 2;
  const rad = (-sheet.degrees * Math.PI) / 180;
  const dx = xMm - cx;
  const dy = yMm - cy;
  const sx = dx * Math.cos(rad) - dy * Math.sin(rad) + sheet.widthMm / 2;
  const sy = dx * Math.sin(rad) + dy * Math.cos(rad) + sheet.heightMm / 2;
  if (sx < 0 || sy < 0 || sx >= sheet.widthMm || sy >= sheet.heightMm) return lid(xMm, yMm);
  return sheet.paint(sx / sheet.widthMm, sy / sheet.heightMm);
}

/** The lid, with a faint deterministic grain so it is not a perfect flat tone. */
function lid(xMm: number, yMm: number): Rgb {
  const grain = (Math.imul(Math.floor(xMm * 10) + 7919, Math.floor(yMm * 10) + 104_729) >>> 13) % 3;
  return [LID[0] + grain, LID[1] + grain, LID[2] + grain];
}

function facePaint(placement: Placement, u: number, v: number): Rgb {
  let colour = placement.face ? samplePicture(placement.face, u, v) : drawnFace(u, v);
  if (placement.glare) {
    // A specular band across the upper face, where a ceiling light reflects off a glossy print.
    const d = ((u - 0.55) / 0.35) ** 2 + ((v - 0.38) / 0.16) ** 2;
    if (d < 1) colour = [255, 255, 255];
  }
  return colour;
}

/** The picture scaled to cover the print (cropping the sides), like a print shop does. */
function samplePicture(picture: RgbPicture, u: number, v: number): Rgb {
  const printAspect = 35 / 45;
  const pictureAspect = picture.width / picture.height;
  let x: number;
  let y: number;
  if (pictureAspect > printAspect) {
    const used = picture.height * printAspect;
    x = (picture.width - used) / 2 + u * used;
    y = v * picture.height;
  } else {
    const used = picture.width / printAspect;
    x = u * picture.width;
    y = (picture.height - used) / 2 + v * used;
  }
  const i = (Math.min(picture.height - 1, Math.floor(y)) * picture.width + Math.min(picture.width - 1, Math.floor(x))) * 3;
  return [picture.pixels[i] ?? 0, picture.pixels[i + 1] ?? 0, picture.pixels[i + 2] ?? 0];
}

/** A simple drawn head on a pale background (when no face picture was given). */
function drawnFace(u: number, v: number): Rgb {
  const inHead = ((u - 0.5) / 0.28) ** 2 + ((v - 0.45) / 0.32) ** 2 < 1;
  const inShoulders = v > 0.78 && Math.abs(u - 0.5) < 0.45;
  const eye = (((u - 0.39) / 0.05) ** 2 + ((v - 0.4) / 0.025) ** 2 < 1) || (((u - 0.61) / 0.05) ** 2 + ((v - 0.4) / 0.025) ** 2 < 1);
  const mouth = Math.abs(v - 0.6) < 0.012 && Math.abs(u - 0.5) < 0.09;
  if (eye || mouth) return [60, 40, 35];
  if (inHead) return [222, 184, 150];
  if (inShoulders) return [40, 50, 90];
  return [225, 232, 240];
}

function landscape(u: number, v: number): Rgb {
  const hill = 0.62 + 0.08 * Math.sin(u * 9);
  if (v < hill) return [120 + Math.round(80 * v), 170 + Math.round(50 * v), 230];
  return [50 + Math.round(40 * u), 130, 60];
}

/** A plain card: blue band, a photo box, lines of print, a chip. */
function idCard(u: number, v: number): Rgb {
  if (v < 0.18) return [30, 80, 160];
  if (u > 0.06 && u < 0.3 && v > 0.28 && v < 0.86) return drawnFace((u - 0.06) / 0.24, (v - 0.28) / 0.58);
  if (u > 0.38 && u < 0.92 && v > 0.3 && v < 0.82 && Math.floor((v - 0.3) * 40) % 3 === 0) return [40, 40, 40];
  return [236, 240, 246];
}
