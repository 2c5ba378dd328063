import sharp from 'sharp';

/** A bitmap as the encoder library takes it: RGBA, row by row. */
export interface LogoBitmap {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

// The bureau's mark for the receipt head: drawn as vector art, rasterised here, dithered by the
// encoder into a GS v 0 raster image. Width and height are multiples of 8 dots (the printer's unit).
const WIDTH = 384;
const HEIGHT = 96;
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <rect width="100%" height="100%" fill="#fff"/>
  <rect x="8" y="8" width="80" height="80" rx="12" fill="#000"/>
  <text x="48" y="60" font-family="Noto Sans CJK TC, sans-serif" font-size="34" font-weight="bold" fill="#fff" text-anchor="middle">DSI</text>
  <text x="104" y="52" font-family="Noto Sans CJK TC, sans-serif" font-size="38" font-weight="bold" fill="#000">身份證明局</text>
  <text x="104" y="84" font-family="Noto Sans CJK TC, sans-serif" font-size="20" fill="#000">Identification Services Bureau</text>
</svg>`;

let cached: Promise<LogoBitmap> | undefined;

/** The logo bitmap, rendered once per process. */
export function logoBitmap(): Promise<LogoBitmap> {
  cached ??= sharp(Buffer.from(SVG))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .then(({ data, info }) => ({ data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height }));
  return cached;
}
