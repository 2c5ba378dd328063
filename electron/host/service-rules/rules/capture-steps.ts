/** Biometric capture for a new ID card: fingerprints, photo, height. [000; 001 ID Q30, Q31] */
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import type { RuleContext } from '../rule-context.js';
import { Finger, type Step } from '../../../shared/kiosk-api/schemas/service-results.js';

type PhotoSource = 'live' | 'one-account-id-photo' | 'scanned-photo';

export function captureSteps(
  ctx: RuleContext,
  options: { photoSources: PhotoSource[]; heightByDefault: boolean },
): Step[] {
  const defaults = ctx.config.rules.captureDefaults;
  const needs = ctx.facts.person?.captureNeeds;
  const tenFingers = needs?.tenFingerprints ?? defaults.tenFingerprints;
  // The back office knows whether height must be measured again ("if needed" [001 ID Q31]).
  const height = needs?.height ?? (options.heightByDefault || defaults.height);
  const steps: Step[] = [
    {
      kind: 'capture-fingerprints',
      fingers: tenFingers ? [...Finger.options] : [...ctx.config.rules.standardFingers],
    },
    {
      kind: 'photo',
      sources: options.photoSources,
      oneAccountPhotoMaxAgeDays: options.photoSources.includes('one-account-id-photo')
        ? RULES.oneAccountPhotoMaxAgeDays
        : null,
    },
  ];
  if (height) steps.push({ kind: 'height' });
  return steps;
}
