import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../state/kiosk-store.js';
import { openCamera } from '../photo/camera.js';
import { scanReceiptNumber } from './qr-scanner.js';

/** The kiosk camera, scanning continuously for a receipt's QR code while `active`; reports camera health like the photo step. */
export function ReceiptScanner({ active, onNumber }: { active: boolean; onNumber: (receiptNumber: string) => void }) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'scanning' | 'unavailable'>('starting');
  const found = useRef(onNumber);
  found.current = onNumber;

  useEffect(() => {
    if (!active || !api) return;
    const controller = new AbortController();
    let stream: MediaStream | undefined;
    void (async () => {
      const opened = await openCamera();
      if (controller.signal.aborted) return 'stream' in opened && opened.stream.getTracks().forEach((track) => track.stop());
      if (!('stream' in opened)) {
        void api.camera.report({ report: opened.problem });
        return setState('unavailable');
      }
      stream = opened.stream;
      const element = video.current;
      if (!element) return;
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      void api.camera.report({ report: 'streaming' });
      setState('scanning');
      const number = await scanReceiptNumber(element, controller.signal);
      if (number && !controller.signal.aborted) found.current(number);
    })();
    return () => {
      controller.abort();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, api]);

  return (
    <div className="scanner">
      <video ref={video} muted playsInline aria-hidden="true" hidden={state === 'unavailable'} />
      <p className="lead" role="status" aria-live="polite">
        {state === 'starting' ? t('collection.cameraStarting') : state === 'scanning' ? t('collection.scanning') : t('collection.cameraUnavailable')}
      </p>
    </div>
  );
}
