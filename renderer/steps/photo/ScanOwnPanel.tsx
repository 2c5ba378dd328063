import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { createFaceAnalyzer } from '../../biometrics/face-analyzer.js';
import { judgeScannedPhoto } from '../../biometrics/scanned-photo-checks.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { type ScanRefusalReason, scanOwnStep } from './scan-own-machine.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';

/** The host's refusals that are the print's or the scanner's, as the panel names them. */
const HOST_REASONS: ReadonlySet<string> = new Set(['empty-bed', 'too-small', 'crooked', 'glare', 'cover-open', 'timeout']);

/**
 * "Scan my own photo": the resident lays their print face down at the bed's corner mark, the host
 * scans and crops it, and this panel runs the live photo's face checks on the crop. A refusal says
 * why and what to do next (scan again, take a live photo, My Photo where offered, or call staff);
 * the host keeps nothing of a refused print.
 */
export function ScanOwnPanel({ onPhoto }: { onPhoto: (dataUrl: string) => void }) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [state, send] = useReducer(scanOwnStep, { name: 'place' });

  const scan = async () => {
    if (!api) return;
    send({ type: 'scan' });
    const result = await api.photo.scanOwn({});
    if (!result.ok) return send({ type: 'refused', reason: 'scanner-problem' });
    if (result.value.outcome === 'refused') return send({ type: 'refused', reason: result.value.reason });
    const { jpegBase64 } = result.value.photo;
    send({ type: 'scanned', jpegBase64 });
    const verdict = await checkFace(`data:image/jpeg;base64,${jpegBase64}`).catch(() => 'unclear' as const);
    if (verdict !== 'ok') {
      await api.photo.discardScan({});
      return send({ type: 'refused', reason: verdict });
    }
    const accepted = await api.photo.acceptScan({});
    if (!accepted.ok) return send({ type: 'refused', reason: 'scanner-problem' });
    send({ type: 'face-ok' });
    onPhoto(`data:image/jpeg;base64,${jpegBase64}`);
  };

  const busy = state.name === 'scanning' || state.name === 'checking';
  return (
    <section aria-labelledby="scan-own-title" className="scan-own">
      <h2 id="scan-own-title">{t('photo.scan.title')}</h2>
      <DeviceGuidance device="document-scanner" activity={busy ? 'working' : 'ready'} />
      <div className="scan-own-body">
        <BedGuide />
        <div>
          <p className="lead">{t('photo.scan.hint')}</p>
          {state.name === 'scanning' && <p role="status">{t('photo.scan.scanning')}</p>}
          {state.name === 'checking' && <p role="status">{t('photo.scan.checking')}</p>}
          {state.name === 'refused' && (
            <div role="alert" data-refusal={state.reason}>
              <p className="error">{t(`photo.scan.refused.${refusalKey(state.reason)}`)}</p>
              <p>{t('photo.scan.waysForward')}</p>
            </div>
          )}
          <Button disabled={busy || !api} onClick={() => void scan()}>
            {state.name === 'refused' ? t('photo.scan.again') : t('photo.scan.scan')}
          </Button>
        </div>
      </div>
    </section>
  );
}

function refusalKey(reason: ScanRefusalReason): ScanRefusalReason {
  return HOST_REASONS.has(reason) || reason === 'not-a-face' || reason === 'unclear' ? reason : 'scanner-problem';
}

/** The live photo's face analyser on the cropped print. */
async function checkFace(dataUrl: string): Promise<'ok' | 'not-a-face' | 'unclear'> {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  const analyzer = await createFaceAnalyzer();
  const analysis = await analyzer.analyze(image);
  return judgeScannedPhoto(analysis.observation);
}

/** The scanner's bed seen from above: the corner mark and where the 35 × 45 mm print goes. */
function BedGuide() {
  return (
    <svg className="bed-guide" viewBox="0 0 216 160" role="img" aria-hidden="true">
      <rect x="1" y="1" width="214" height="158" rx="6" fill="#20242b" stroke="#8a94a6" strokeWidth="2" />
      <rect x="6" y="6" width="35" height="45" fill="#f3efe6" stroke="#3ad16b" strokeWidth="2" strokeDasharray="4 3" />
      <circle cx="23.5" cy="24" r="7" fill="#c9b8a3" />
      <rect x="14" y="33" width="19" height="14" rx="6" fill="#c9b8a3" />
      <path d="M2 2 L22 2 L2 22 Z" fill="#ffcc33" />
    </svg>
  );
}
