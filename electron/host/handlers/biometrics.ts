import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { BiometricsService } from '../biometrics/biometrics-service.js';
import type { EventName, EventPayload } from '../../shared/kiosk-api/contract.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { HostConfig } from '../config/schema.js';
import { PhotoService } from '../photo/photo-service.js';
import type { PhotoSource } from '../photo/photo-source.js';
import type { SessionManager } from '../sessions/session-manager.js';

type BiometricsMethod =
  | 'biometrics.startVerification'
  | 'biometrics.verifyFinger'
  | 'biometrics.verifyPin'
  | 'biometrics.startTenPrint'
  | 'biometrics.captureFinger'
  | 'biometrics.markFinger'
  | 'biometrics.tenPrintStatus'
  | 'camera.report'
  | 'photo.submitLive'
  | 'photo.fromShareCode'
  | 'photo.scanOwn'
  | 'photo.acceptScan'
  | 'photo.discardScan'
  | 'cardScan.scan'
  | 'signature.submit'
  | 'photo.forReview';

export interface BiometricsHandlerDeps {
  sessions: SessionManager;
  hub: DeviceHub;
  config: Pick<HostConfig, 'biometrics'>;
  photoSource: PhotoSource;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  clock?: () => Date;
  /** The card reader's current placement (visit/card-custody.ts): a PIN is checked on the card the references came from. */
  placement?: () => number | null;
}

/**
 * Fingerprints, photo, signature and camera health through KioskApi. Every long call stops when
 * the renderer cancels or the session ends (its signal is part of every wait).
 */
export function biometricsHandlers(deps: BiometricsHandlerDeps): {
  handlers: Pick<KioskHandlers, BiometricsMethod>;
  /** The session's captures, for whoever assembles the application. */
  biometrics: BiometricsService;
  photos: PhotoService;
} {
  const { sessions, hub, config, emit } = deps;
  const biometrics = new BiometricsService(
    { scanner: () => hub.get('fingerprint-scanner'), reader: () => hub.get('card-reader'), ...(deps.placement ? { placement: deps.placement } : {}) },
    config.biometrics,
  );
  const photos = new PhotoService(deps.photoSource, { shareCodeTries: config.biometrics.shareCodeTries, clock: deps.clock ?? (() => new Date()) });
  const withSession = (signal: AbortSignal) => {
    const session = sessions.require();
    return { session, signal: AbortSignal.any([signal, session.signal]) };
  };
  const prompt = (p: EventPayload<'biometrics.prompt'>['prompt']) => emit('biometrics.prompt', { prompt: p });

  const handlers: Pick<KioskHandlers, BiometricsMethod> = {
    'biometrics.startVerification': async ({ who }, call) => {
      const { session, signal } = withSession(call.signal);
      return biometrics.startVerification(session, signal, who);
    },
    'biometrics.verifyFinger': async ({ finger }, call) => {
      const { session, signal } = withSession(call.signal);
      return biometrics.verifyFinger(session, finger, signal, prompt);
    },
    'biometrics.verifyPin': async ({ pin }, call) => {
      const { session, signal } = withSession(call.signal);
      return biometrics.verifyPin(session, pin, signal);
    },
    'biometrics.startTenPrint': async ({ fingers }) => biometrics.startTenPrint(sessions.require(), fingers),
    'biometrics.captureFinger': async ({ finger }, call) => {
      const { session, signal } = withSession(call.signal);
      return biometrics.captureFinger(session, finger, signal, prompt);
    },
    'biometrics.markFinger': async ({ finger, reason }) => biometrics.markFinger(sessions.require(), finger, reason),
    'biometrics.tenPrintStatus': async () => biometrics.tenPrintStatus(sessions.require()),
    'camera.report': async ({ report }) => {
      hub.get('camera').report(report);
      return {};
    },
    'photo.submitLive': async ({ jpegBase64 }) => photos.submitLive(sessions.require(), jpegBase64),
    'photo.scanOwn': async (_params, call) => {
      const { session, signal } = withSession(call.signal);
      return photos.scanOwnPhoto(session, hub.get('document-scanner'), signal);
    },
    'cardScan.scan': async ({ side }, call) => {
      const { session, signal } = withSession(call.signal);
      return photos.scanCardSide(session, hub.get('document-scanner'), side, signal);
    },
    'photo.acceptScan': async () => photos.acceptScan(sessions.require()),
    'photo.discardScan': async () => {
      photos.discardScan(sessions.require());
      return {};
    },
    'photo.fromShareCode': async ({ code }, call) => {
      const { session, signal } = withSession(call.signal);
      return photos.fromShareCode(session, code, signal);
    },
    'signature.submit': async ({ pngBase64 }) => {
      await photos.submitSignature(sessions.require(), pngBase64);
      return {};
    },
    'photo.forReview': async () => photos.forReview(sessions.require()),
  };
  return { handlers, biometrics, photos };
}
