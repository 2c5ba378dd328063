import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { stepDone } from '../../flows/service-flow.js';
import { useAutoAdvance } from '../../flows/auto-advance.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import { type CardScanState, cardScanStep, type Side } from './card-scan-machine.js';
import '../photo/capture.css';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';

/**
 * The ID card's surface on the scanner, side by side as the step asks [001 ID Q31]. The host
 * scans, finds and crops the card and keeps it for the application; a refusal says why and what
 * to do (lay it again, or call staff), and keeps nothing.
 */
export function CardScanScreen({ step }: StepProps<'scan-card'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const sides = step.sides as readonly Side[];
  const [state, send] = useReducer(cardScanStep, { name: 'place', side: sides[0] ?? 'front', scanned: {} } satisfies CardScanState);

  const scan = async (side: Side) => {
    if (!api) return;
    send({ type: 'scan' });
    const result = await api.cardScan.scan({ side });
    if (!result.ok) return send({ type: 'refused', reason: 'scanner-problem' });
    if (result.value.outcome === 'refused') return send({ type: 'refused', reason: result.value.reason });
    const next = sides.find((s) => s !== side && state.scanned[s] === undefined);
    send({ type: 'scanned', side, jpegBase64: result.value.image.jpegBase64, next });
  };

  const done = state.name === 'done';
  // Every side scanned: the scans show for a moment, then the visit moves on without a tap.
  useAutoAdvance(done, () => void stepDone('scan-card'));
  return (
    <Screen
      title={t('cardScan.title')}
      actions={<CancelVisitButton />}
    >
      <DeviceGuidance device="document-scanner" activity={state.name === 'scanning' ? 'working' : done ? 'done' : 'ready'} />
      {!done && (
        <div className="scan-own-body">
          <svg className="bed-guide" viewBox="0 0 216 160" role="img" aria-hidden="true">
            <rect x="1" y="1" width="214" height="158" rx="6" fill="#20242b" stroke="#8a94a6" strokeWidth="2" />
            <rect x="6" y="6" width="86" height="54" rx="4" fill="#e8eef7" stroke="#3ad16b" strokeWidth="2" strokeDasharray="4 3" />
            <rect x="6" y="6" width="86" height="10" fill="#1e50a0" />
            <path d="M2 2 L22 2 L2 22 Z" fill="#ffcc33" />
          </svg>
          <div>
            <p className="lead" data-side={state.side}>
              {t(`cardScan.place.${state.side}`)}
            </p>
            {state.name === 'scanning' && <p role="status">{t('cardScan.scanning')}</p>}
            {state.name === 'refused' && (
              <div role="alert" data-refusal={state.reason}>
                <p className="error">{t(`cardScan.refused.${state.reason}`)}</p>
                <p>{t('cardScan.waysForward')}</p>
              </div>
            )}
            <Button disabled={state.name === 'scanning' || !api} onClick={() => void scan(state.side)}>
              {state.name === 'refused' ? t('photo.scan.again') : t('photo.scan.scan')}
            </Button>
          </div>
        </div>
      )}
      <div className="card-scans">
        {sides.map((side) =>
          state.scanned[side] ? (
            <figure key={side}>
              <img className="card-scan" src={`data:image/jpeg;base64,${state.scanned[side]}`} alt={t(`cardScan.side.${side}`)} />
              <figcaption>{t(`cardScan.side.${side}`)}</figcaption>
            </figure>
          ) : null,
        )}
      </div>
      {done && (
        <p className="lead success" role="status" aria-live="polite" data-speak data-speak-clips="cardScan.done">
          {t('cardScan.done')}
        </p>
      )}
    </Screen>
  );
}
