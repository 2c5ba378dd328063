import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';

type FingerRecord = ResultOf<'biometrics.tenPrintStatus'>['fingers'][number];

/** Thumb to little finger, as the resident looks at the back of their hands on the scanner. */
const ORDER = ['thumb', 'index', 'middle', 'ring', 'little'] as const;
/** Each state has its own symbol and word, so it never rests on colour alone. */
const SYMBOL: Record<FingerRecord['status'], string> = { pending: '○', captured: '✓', missing: '—', injured: '✚', failed: '✗' };

/**
 * Both hands, each finger drawn as a tile of its height with its state in symbol and words; the
 * finger to place now is outlined and says so. Fingers the host does not ask for are not drawn.
 */
export function HandDiagram({ fingers, current }: { fingers: FingerRecord[]; current: FingerRecord['finger'] | undefined }) {
  const { t } = useTranslation();
  const byName = new Map(fingers.map((f) => [f.finger, f]));
  const hand = (side: 'left' | 'right') => {
    const order = side === 'left' ? [...ORDER].reverse() : ORDER;
    const shown = order.map((name) => byName.get(`${side}-${name}` as FingerRecord['finger'])).filter((f): f is FingerRecord => f !== undefined);
    if (shown.length === 0) return null;
    return (
      <figure className="hand" aria-labelledby={`hand-${side}`}>
        <figcaption id={`hand-${side}`}>{t(`tenPrint.hand.${side}`)}</figcaption>
        <ul className="hand-fingers">
          {shown.map((f) => {
            const part = f.finger.slice(side.length + 1) as (typeof ORDER)[number];
            return (
              <li
                key={f.finger}
                className={`finger finger-${part} finger-${f.status}${f.finger === current ? ' finger-current' : ''}`}
                data-finger={f.finger}
                data-status={f.status}
                aria-current={f.finger === current ? 'step' : undefined}
              >
                <span className="finger-symbol" aria-hidden="true">
                  {SYMBOL[f.status]}
                </span>
                <span className="finger-name">{t(`tenPrint.short.${part}`)}</span>
                <span className="finger-state">
                  {f.finger === current ? t('tenPrint.now') : t(`tenPrint.state.${f.status}`)}
                </span>
                <span className="visually-hidden">{t(`fingers.${f.finger}`)}</span>
              </li>
            );
          })}
        </ul>
      </figure>
    );
  };
  return (
    <div className="hands" data-testid="hand-diagram">
      {hand('left')}
      {hand('right')}
    </div>
  );
}
