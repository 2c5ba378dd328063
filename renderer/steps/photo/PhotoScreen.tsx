import { useEffect, useReducer, useRef, useState } from 'react';
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
import { cameraOn, initialPhotoState, type PhotoSourceKind, type PhotoState, photoStep } from './photo-capture-machine.js';
import { PhotoSourceChoice } from './PhotoSourceChoice.js';

/** After this many unsuccessful tries (each `TRY_MS` of guidance without a capture), the resident is told where else to go. */
export const PHOTO_TRIES = 6;
const TRY_MS = 3000;
/** Consecutive frames that must pass every check before the countdown starts. */
const READY_FRAMES = 2;
/** Consecutive failing frames during the countdown that send the resident back to the guidance. */
const LOST_FRAMES = 3;
/** One number of the 3-2-1 countdown. */
export const COUNTDOWN_STEP_MS = 1000;

/**
 * The photo step (its states and transitions: photo-capture-machine.ts). Where the step offers more
 * than one source, the resident chooses first. The live camera guides with the face detector; once
 * every check passes it counts down 3-2-1 and takes the photo, which the resident keeps or retakes.
 * Where the service does not accept the 一戶通 ID photo (the permanent renewal), a camera that cannot
 * take the photo sends the resident to a counter.
 */
export function PhotoScreen({ sources }: { sources: readonly PhotoSourceKind[] }) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [state, dispatch] = useReducer(photoStep, sources, initialPhotoState);
  const current = useRef<PhotoState>(state);
  current.current = state;
  const [guidance, setGuidance] = useState<Guidance | 'starting' | 'camera-problem'>('starting');
  const [tries, setTries] = useState(0);
  const [error, setError] = useState<ApiErrorCode | undefined>();
  const video = useRef<HTMLVideoElement>(null);
  const camera = cameraOn(state);

  // The countdown: one number a second, then the capture.
  useEffect(() => {
    if (state.name !== 'countdown') return undefined;
    const tick = setTimeout(() => dispatch({ type: 'tick' }), COUNTDOWN_STEP_MS);
    return () => clearTimeout(tick);
  }, [state]);

  useEffect(() => {
    if (!camera || !api) return;
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
      let failingFrames = 0;
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
        failingFrames = analysis.ready ? 0 : failingFrames + 1;
        const face = analysis.observation.faces[0];
        // A face in front of the camera is a resident who is still here: the idle timeout waits.
        if (face) noteActivity();
        const now = current.current.name;
        if (now === 'live' && readyFrames >= READY_FRAMES && face) {
          dispatch({ type: 'face-ready' });
        } else if (now === 'countdown' && failingFrames >= LOST_FRAMES) {
          dispatch({ type: 'face-lost' });
        } else if (now === 'capturing') {
          if (!analysis.ready || !face) {
            dispatch({ type: 'capture-failed' });
            continue;
          }
          // Analysis coordinates → video pixels.
          const scale = element.videoWidth / analysis.observation.frameWidth;
          const crop = idPhotoCrop(face, analysis.observation.frameWidth, analysis.observation.frameHeight);
          const shot = await captureIdPhoto(element, { x: crop.x * scale, y: crop.y * scale, width: crop.width * scale, height: crop.height * scale });
          const stored = await api.photo.submitLive({ jpegBase64: shot.base64 });
          if (stopped) break;
          if (!stored.ok) {
            setError(stored.error.code);
            readyFrames = 0;
            dispatch({ type: 'capture-failed' });
            continue;
          }
          setError(undefined);
          dispatch({ type: 'captured', dataUrl: shot.dataUrl, source: 'live' });
          break;
        }
        if (now !== 'live') tryStarted = performance.now();
        else if (performance.now() - tryStarted > TRY_MS) {
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
  }, [camera, api]);

  const liveOffered = sources.includes('live');
  const myPhotoOffered = sources.includes('one-account-id-photo');
  // The resident's own print on the scanner, where the service accepts it (the permanent renewal [001 Q31]).
  const scanOffered = sources.includes('scanned-photo');
  // No live photo can be taken here and My Photo is not accepted: a counter takes it. The scan stays
  // offered beside the message (a resident who brought a print), but not everyone carries one.
  const counterOnly = !myPhotoOffered && tries >= PHOTO_TRIES;
  const inCamera = state.name === 'live' || state.name === 'countdown' || state.name === 'capturing';
  return (
    <Screen
      title={t('photo.title')}
      actions={
        <>
          <CancelVisitButton />
          {(inCamera || state.name === 'scan') && myPhotoOffered && (
            <Button variant={state.name === 'scan' ? 'secondary' : 'primary'} onClick={() => dispatch({ type: 'choose', mode: 'share-code' })}>
              {t('photo.useMyPhoto')}
            </Button>
          )}
          {(inCamera || state.name === 'share-code' || (state.name === 'review' && state.source === 'live')) && scanOffered && (
            <Button onClick={() => dispatch({ type: 'choose', mode: 'scan' })}>{t('photo.scan.offer')}</Button>
          )}
          {(state.name === 'share-code' || state.name === 'scan') && liveOffered && (
            <Button variant="secondary" onClick={() => dispatch({ type: 'choose', mode: 'live' })}>
              {t('photo.shareCode.liveInstead')}
            </Button>
          )}
          {state.name === 'review' && (
            <>
              <Button variant="secondary" onClick={() => dispatch({ type: 'retake' })}>
                {state.source === 'scanned-photo' ? t('photo.scan.again') : t('photo.retake')}
              </Button>
              <Button onClick={() => stepDone('photo')}>{t('photo.accept')}</Button>
            </>
          )}
        </>
      }
    >
      {state.name === 'choose' && <PhotoSourceChoice sources={sources} onChoose={(mode) => dispatch({ type: 'choose', mode })} />}
      {inCamera && (
        <>
          <DeviceGuidance device="camera" activity={state.name === 'live' && guidance !== 'hold-still' ? 'ready' : 'working'} />
          <div className={state.name !== 'live' || guidance === 'hold-still' ? 'camera-frame ready' : 'camera-frame'}>
            <video ref={video} muted playsInline aria-hidden="true" />
            <div className="camera-oval" aria-hidden="true" />
            {state.name === 'countdown' && (
              <div className="photo-countdown-number" aria-hidden="true" key={state.remaining}>
                {state.remaining}
              </div>
            )}
          </div>
          {state.name === 'countdown' ? (
            <p className="guidance" role="status" aria-live="assertive" data-countdown={state.remaining} data-speak data-speak-clips={`#${state.remaining}`}>
              {t('photo.countdown', { count: state.remaining })}
            </p>
          ) : (
            <p className="guidance" role="status" aria-live="polite" data-guidance={guidance}>
              {state.name === 'capturing'
                ? t('photo.guidance.hold-still')
                : guidance === 'starting'
                  ? t('photo.starting')
                  : guidance === 'camera-problem'
                    ? t('photo.cameraProblem')
                    : t(`photo.guidance.${guidance}`)}
            </p>
          )}
        </>
      )}
      {state.name === 'share-code' && <ShareCodePanel onPhoto={(dataUrl) => dispatch({ type: 'captured', dataUrl, source: 'my-photo' })} />}
      {state.name === 'scan' && <ScanOwnPanel onPhoto={(dataUrl) => dispatch({ type: 'captured', dataUrl, source: 'scanned-photo' })} />}
      {state.name === 'review' && (
        <>
          <img className="id-photo" src={state.dataUrl} alt={t('photo.title')} />
          <p className="lead success" role="status">
            {state.source === 'live' ? t('photo.captured') : state.source === 'scanned-photo' ? t('photo.scan.found') : t('photo.shareCode.found')}
          </p>
        </>
      )}
      {counterOnly && inCamera && (
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
