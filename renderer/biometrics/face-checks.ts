/**
 * Photo guidance as a pure function of what the detector saw in one preview frame. The order is
 * the order a resident can fix things in: be there, alone, in light, at the right distance,
 * centred, still, eyes open, head straight. Thresholds are for a 4:3 kiosk camera at head height.
 */
export type Guidance =
  | 'no-face'
  | 'several-faces'
  | 'too-dark'
  | 'too-bright'
  | 'too-far'
  | 'too-near'
  | 'off-centre'
  | 'blurred'
  | 'eyes-closed'
  | 'head-tilted'
  | 'hold-still';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export interface FrameObservation {
  frameWidth: number;
  frameHeight: number;
  /** Detected faces (frame pixels), highest score first. */
  faces: Box[];
  /** Mean luma 0–255 of the (first) face's box, or the whole frame without a face. */
  brightness: number;
  /** Variance of the Laplacian of the face's box at a fixed scale: low means blurred. */
  sharpness: number;
  /** 68-point landmarks of the first face (frame pixels), when the model gave them. */
  landmarks?: Point[];
}

export const THRESHOLDS = {
  minFaceWidth: 0.2, // of the frame width: further away is too far
  maxFaceWidth: 0.62, // nearer than this is too near
  maxCentreOffsetX: 0.12, // of the frame width
  centreYRange: [0.25, 0.62] as const, // where the face's centre may sit, of the frame height
  minBrightness: 60,
  maxBrightness: 210,
  minSharpness: 12,
  minEyeOpenness: 0.17, // eye aspect ratio (height / width)
  maxRollDegrees: 10,
  maxYaw: 0.28, // nose offset from the eyes' midpoint, in inter-eye distances
};

export interface Judgement {
  guidance: Guidance;
  /** Every check passed: the frame may be captured. */
  ready: boolean;
}

export function judgeFrame(o: FrameObservation): Judgement {
  const t = THRESHOLDS;
  const no = (guidance: Guidance): Judgement => ({ guidance, ready: false });
  const face = o.faces[0];
  if (!face) return no('no-face');
  if (o.faces.length > 1) return no('several-faces');
  if (o.brightness < t.minBrightness) return no('too-dark');
  if (o.brightness > t.maxBrightness) return no('too-bright');
  const widthRatio = face.width / o.frameWidth;
  if (widthRatio < t.minFaceWidth) return no('too-far');
  if (widthRatio > t.maxFaceWidth) return no('too-near');
  const cx = (face.x + face.width / 2) / o.frameWidth;
  const cy = (face.y + face.height / 2) / o.frameHeight;
  if (Math.abs(cx - 0.5) > t.maxCentreOffsetX || cy < t.centreYRange[0] || cy > t.centreYRange[1]) return no('off-centre');
  if (o.sharpness < t.minSharpness) return no('blurred');
  if (o.landmarks && o.landmarks.length >= 68) {
    const pose = poseOf(o.landmarks);
    if (pose.eyeOpenness < t.minEyeOpenness) return no('eyes-closed');
    if (Math.abs(pose.rollDegrees) > t.maxRollDegrees || Math.abs(pose.yaw) > t.maxYaw) return no('head-tilted');
  }
  return { guidance: 'hold-still', ready: true };
}

/** Eye openness (mean eye aspect ratio), roll and yaw from the 68-point landmarks. */
export function poseOf(points: Point[]): { eyeOpenness: number; rollDegrees: number; yaw: number } {
  const p = (i: number): Point => points[i] ?? { x: 0, y: 0 };
  const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  // 36–41 one eye, 42–47 the other: (|p1−p5| + |p2−p4|) / (2 |p0−p3|)
  const ear = (o: number) => (dist(p(o + 1), p(o + 5)) + dist(p(o + 2), p(o + 4))) / (2 * Math.max(1, dist(p(o), p(o + 3))));
  const centre = (o: number): Point => ({
    x: [0, 1, 2, 3, 4, 5].reduce((s, k) => s + p(o + k).x, 0) / 6,
    y: [0, 1, 2, 3, 4, 5].reduce((s, k) => s + p(o + k).y, 0) / 6,
  });
  const left = centre(36);
  const right = centre(42);
  const eyeDistance = Math.max(1, dist(left, right));
  const rollDegrees = (Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI;
  const nose = p(30);
  const yaw = (nose.x - (left.x + right.x) / 2) / eyeDistance;
  return { eyeOpenness: (ear(36) + ear(42)) / 2, rollDegrees, yaw };
}

/**
 * The ID photo window (35:45) around a face: the head fills about two thirds of the height, with
 * room above the hair. Clamped inside the frame, shrinking if the frame is too small.
 */
export function idPhotoCrop(face: Box, frameWidth: number, frameHeight: number): Box {
  const ratio = 35 / 45;
  let height = Math.min(face.height / 0.5, frameHeight);
  let width = height * ratio;
  if (width > frameWidth) {
    width = frameWidth;
    height = width / ratio;
  }
  const cx = face.x + face.width / 2;
  let x = cx - width / 2;
  let y = face.y - 0.3 * height;
  x = Math.min(Math.max(0, x), frameWidth - width);
  y = Math.min(Math.max(0, y), frameHeight - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

/** Mean luma and Laplacian variance of an RGBA region (already scaled to a fixed size). */
export function lumaStats(rgba: Uint8ClampedArray, width: number, height: number): { brightness: number; sharpness: number } {
  const luma = new Float32Array(width * height);
  let sum = 0;
  for (let i = 0; i < width * height; i++) {
    const v = 0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0);
    luma[i] = v;
    sum += v;
  }
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = (luma[i - 1] ?? 0) + (luma[i + 1] ?? 0) + (luma[i - width] ?? 0) + (luma[i + width] ?? 0) - 4 * (luma[i] ?? 0);
      n++;
      const d = lap - mean;
      mean += d / n;
      m2 += d * (lap - mean);
    }
  }
  return { brightness: sum / Math.max(1, width * height), sharpness: n > 1 ? m2 / (n - 1) : 0 };
}
