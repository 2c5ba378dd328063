import { type FrameObservation, judgeFrame } from './face-checks.js';

/**
 * The live photo's face checks, applied to a print the host already cropped to the ID format:
 * one face, in good light, sharp, eyes open, head straight. Distance and centring are the print
 * shop's business (the crop is the format), so those guidances do not refuse a print.
 */
export function judgeScannedPhoto(observation: FrameObservation): 'ok' | 'not-a-face' | 'unclear' {
  const { guidance } = judgeFrame(observation);
  if (guidance === 'no-face' || guidance === 'several-faces') return 'not-a-face';
  if (guidance === 'hold-still' || guidance === 'too-far' || guidance === 'too-near' || guidance === 'off-centre') return 'ok';
  return 'unclear';
}
