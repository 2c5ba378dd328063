import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { createFaceAnalyzer, type FaceAnalyzer } from '../../biometrics/face-analyzer.js';
import { type Guidance, idPhotoCrop } from '../../biometrics/face-checks.js';
import { stepDone } from '../../flows/service-flow.js';
import { noteActivity } from '../../flows/visit.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { Screen } from '../../ui/Screen.js';
import { captureIdPhoto, openCamera } from './camera.js';
import './capture.css';
import { ScanOwnPanel } from './ScanOwnPanel.js';
import { ShareCodePanel } from './ShareCodePanel.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';

type PhotoSourceKind = 'live' | 'one-account-id-photo' | 'scanned-photo';

/** After this many unsuccessful tries (each `TRY_MS` of guidance without a capture), the resident is told where else to go. */
export const PHOTO_TRIES = 6;
const TRY_MS = 3000;
/** Consecutive frames that must pass every check before the automatic capture. */
const READY_FRAMES = 2;

type Mode =
  | { name: 'live' }
  | { name: 'share-code' }
  | { name: 'scan' }
  | { name: 'review'; dataUrl: string; source: 'live' | 'my-photo' | 'scanned-photo' };

/**
 * The photo step: live preview with guidance from the face detector, automatic capture when every
 * check passes, then the cropped ID photo for review. Where the service accepts the 一戶通 ID photo
 * (the non-permanent renewal [000]), the resident may choose it at any time; where it does not (the
 * permanent renewal), a camera that cannot take the photo sends the resident to a counter.
 */
export function PhotoScreen({ sources }: { sources: readonly PhotoSourceKind[] }) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [mode, setMode] = useState<Mode>({ name: 'live' });
  const [guidance, setGuidance] = useState<Guidance | 'starting' | 'camera-problem'>('starting');
  const [tries, setTries] = useState(0);
  const [error, setError] = useState<ApiErrorCode | undefined>();
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (mode.name !== 'live' || !api) return;
    let stopped = false;
    let stream: MediaStream | undefined;
    let analyzer: FaceAnalyzer | undefined;
    const run = async () => {
      const opened = await openCamera();
      if (stopped) return 'stream' in opened && opened.stream.getTracks().forEach((track) => track.stop());
      if (!('stream' in opened)) {
        void api.camera.report({ report: opened.problem });
        setGuidance('camera-problem');
        setTries(PHOTO_TRIES);
        return;
      }
      stream = opened.stream;
      const element = video.current;
      if (!element) return;
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      void api.camera.report({ report: 'streaming' });
      analyzer = await createFaceAnalyzer();
      let readyFrames = 0;
      let tryStarted = performance.now();
      while (!stopped) {
        if (element.readyState < 2) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          continue;
        }
        const analysis = await analyzer.analyze(element);
        if (stopped) break;
        setGuidance(analysis.guidance);
        readyFrames = analysis.ready ? readyFrames + 1 : 0;
        const face = analysis.observation.faces[0];
        // A face in front of the camera is a resident who is still here: the idle timeout waits.
        if (face) noteActivity();
        if (readyFrames >= READY_FRAMES && face) {
          // Analysis coordinates → video pixels.
          const scale = element.videoWidth / analysis.observation.frameWidth;
          const crop = idPhotoCrop(face, analysis.observation.frameWidth, analysis.observation.frameHeight);
          const shot = await captureIdPhoto(element, { x: crop.x * scale, y: crop.y * scale, width: crop.width * scale, height: crop.height * scale });
          const stored = await api.photo.submitLive({ jpegBase64: shot.base64 });
          if (stopped) break;
          if (!stored.ok) {
            setError(stored.error.code);
            readyFrames = 0;
            continue;
          }
          setMode({ name: 'review', dataUrl: shot.dataUrl, source: 'live' });
          break;
        }
        if (performance.now() - tryStarted > TRY_MS) {
          tryStarted = performance.now();
          setTries((n) => n + 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 20)); // let the page paint and take touches between analyses
      }
    };
    void run();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [mode.name, api]);

  const myPhotoOffered = sources.includes('one-account-id-photo');
  // The resident's own print on the scanner, where the service accepts it (the permanent renewal [001 Q31]).
  const scanOffered = sources.includes('scanned-photo');
  // No live photo can be taken here and My Photo is not accepted: a counter takes it. The scan stays
  // offered beside the message (a resident who brought a print), but not everyone carries one.
  const counterOnly = !myPhotoOffered && tries >= PHOTO_TRIES;
  return (
    <Screen
      title={t('photo.title')}
      actions={
        <>
          <CancelVisitButton />
          {mode.name === 'live' && myPhotoOffered && <Button onClick={() => setMode({ name: 'share-code' })}>{t('photo.useMyPhoto')}</Button>}
          {(mode.name === 'live' || (mode.name === 'review' && mode.source === 'live')) && scanOffered && <Button onClick={() => setMode({ name: 'scan' })}>{t('photo.scan.offer')}</Button>}
          {mode.name === 'scan' && myPhotoOffered && <Button variant="secondary" onClick={() => setMode({ name: 'share-code' })}>{t('photo.useMyPhoto')}</Button>}
          {(mode.name === 'share-code' || mode.name === 'scan') && (
            <Button variant="secondary" onClick={() => setMode({ name: 'live' })}>
              {t('photo.shareCode.liveInstead')}
            </Button>
          )}
          {mode.name === 'review' && (
            <>
              <Button variant="secondary" onClick={() => setMode(mode.source === 'scanned-photo' ? { name: 'scan' } : { name: 'live' })}>
                {mode.source === 'scanned-photo' ? t('photo.scan.again') : t('photo.retake')}
              </Button>
              <Button onClick={() => stepDone('photo')}>{t('photo.accept')}</Button>
            </>
          )}
        </>
      }
    >
      {mode.name === 'live' && (
        <>
          <DeviceGuidance device="camera" activity={guidance === 'hold-still' ? 'working' : 'ready'} />
          <div className={guidance === 'hold-still' ? 'camera-frame ready' : 'camera-frame'}>
            <video ref={video} muted playsInline aria-hidden="true" />
            <div className="camera-oval" aria-hidden="true" />
          </div>
          <p className="guidance" role="status" aria-live="polite" data-guidance={guidance}>
            {guidance === 'starting' ? t('photo.starting') : guidance === 'camera-problem' ? t('photo.cameraProblem') : t(`photo.guidance.${guidance}`)}
          </p>
        </>
      )}
      {mode.name === 'share-code' && <ShareCodePanel onPhoto={(dataUrl) => setMode({ name: 'review', dataUrl, source: 'my-photo' })} />}
      {mode.name === 'scan' && <ScanOwnPanel onPhoto={(dataUrl) => setMode({ name: 'review', dataUrl, source: 'scanned-photo' })} />}
      {mode.name === 'review' && (
        <>
          <img className="id-photo" src={mode.dataUrl} alt={t('photo.title')} />
          <p className="lead success" role="status">
            {mode.source === 'live' ? t('photo.captured') : mode.source === 'scanned-photo' ? t('photo.scan.found') : t('photo.shareCode.found')}
          </p>
        </>
      )}
      {counterOnly && mode.name === 'live' && (
        <p className="error" role="alert" data-testid="photo-counter">
          {t('photo.counterOnly')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
    </Screen>
  );
}
