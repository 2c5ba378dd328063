import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';

export type FingerName = ResultOf<'biometrics.startVerification'>['enrolled'][number];
const FINGERS = ['thumb', 'index', 'middle', 'ring', 'little'] as const;
/** Each finger of a right hand seen from above, palm down (thumb on the left): x, top y, length. */
const SHAPE: Record<(typeof FINGERS)[number], [number, number, number]> = {
  thumb: [90, 108, 50],
  index: [96, 40, 80],
  middle: [126, 28, 92],
  ring: [156, 38, 82],
  little: [184, 66, 58],
};

/**
 * The hand to use, palm down on the glass, the finger to place filled in (a left hand is the mirror
 * image: thumb on the right); a light sweeps under it while the scanner captures.
 */
export function FingerprintAction({ finger }: { finger?: FingerName | undefined }) {
  const side = finger?.startsWith('left') ? 'left' : 'right';
  const which = finger?.slice(side.length + 1);
  return (
    <svg className="guidance-action" viewBox="0 0 260 220" aria-hidden="true" focusable="false" data-guided-finger={finger}>
      <rect className="g-body" x="20" y="180" width="220" height="32" rx="8" />
      <rect className="g-paper" x="90" y="184" width="80" height="12" rx="4" />
      <g transform={side === 'left' ? 'translate(260 0) scale(-1 1)' : undefined}>
        <rect className="g-paper" x="84" y="110" width="116" height="80" rx="30" />
        {FINGERS.map((name) => {
          const [x, y, length] = SHAPE[name];
          const chosen = name === which;
          return (
            <rect
              key={name}
              className={chosen ? 'g-accent' : 'g-paper'}
              data-chosen={chosen || undefined}
              x={x - 13}
              y={y}
              width="26"
              height={length + 20}
              rx="13"
              transform={name === 'thumb' ? `rotate(-50 ${x} ${y + length + 14})` : undefined}
            />
          );
        })}
      </g>
      <rect className="g-accent-line g-sweep" x="92" y="120" width="76" height="2" />
    </svg>
  );
}
