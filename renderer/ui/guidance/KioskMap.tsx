import type { EnclosureLevel, EnclosurePlace, EnclosureSide } from '../../../electron/shared/kiosk-api/contract.js';

const X: Record<EnclosureSide, number> = { left: 40, centre: 90, right: 140 };
const Y: Record<EnclosureLevel, number> = { top: 22, screen: 80, desk: 160, lower: 215, floor: 282 };

/**
 * The kiosk's front as the resident faces it: the cabinet, its screen and desk, the gauge plate on
 * the floor; a ring marks where the device is (the operator's enclosure layout).
 */
export function KioskMap({ place }: { place: EnclosurePlace }) {
  return (
    <svg className="guidance-map" viewBox="0 0 180 300" aria-hidden="true" focusable="false" data-side={place.side} data-level={place.level}>
      <rect className="g-body" x="14" y="6" width="152" height="254" rx="10" />
      <rect className="g-paper" x="32" y="40" width="116" height="92" rx="4" />
      <rect className="g-body" x="6" y="142" width="168" height="32" rx="6" />
      <rect className="g-paper" x="30" y="270" width="120" height="22" rx="6" />
      <circle className="g-dim" cx={X[place.side]} cy={Y[place.level]} r="7" />
      <circle className="g-here" cx={X[place.side]} cy={Y[place.level]} r="17" />
    </svg>
  );
}
