import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../../devices/kinds.js';
import { CameraAction } from './CameraAction.js';
import { CardReaderAction } from './CardReaderAction.js';
import { DocumentScannerAction } from './DocumentScannerAction.js';
import { FingerprintAction, type FingerName } from './FingerprintAction.js';
import { HeightGaugeAction } from './HeightGaugeAction.js';
import { KioskMap } from './KioskMap.js';
import { PaymentAction } from './PaymentAction.js';
import { PrinterAction } from './PrinterAction.js';
import { useDevicePlace } from './use-enclosure.js';
import './guidance.css';
import guidanceMessages from 'virtual:kiosk-locale-section/guidance';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('guidance', guidanceMessages);

/** What the device is doing: waiting for the resident, working (reading, capturing, printing), done. */
export type GuidanceActivity = 'ready' | 'working' | 'done';

function actionPicture(device: DeviceKind, finger: FingerName | undefined): ReactNode {
  switch (device) {
    case 'card-reader':
      return <CardReaderAction />;
    case 'fingerprint-scanner':
      return <FingerprintAction finger={finger} />;
    case 'camera':
      return <CameraAction />;
    case 'height-gauge':
      return <HeightGaugeAction />;
    case 'payment-terminal':
      return <PaymentAction />;
    case 'receipt-printer':
      return <PrinterAction />;
    case 'document-scanner':
      return <DocumentScannerAction />;
  }
}

/**
 * The guidance at a device: the kiosk's front with the device's place marked (the operator's
 * enclosure layout), a close-up of the action, and a caption saying where in words. The pictures
 * are decoration for a screen whose text already says what to do, so only the caption is read.
 */
export function DeviceGuidance({ device, activity, finger }: { device: DeviceKind; activity: GuidanceActivity; finger?: FingerName | undefined }) {
  const { t } = useTranslation();
  const place = useDevicePlace(device);
  return (
    <figure className="device-guidance" data-testid="device-guidance" data-device={device} data-activity={activity}>
      <KioskMap place={place} />
      {actionPicture(device, finger)}
      <figcaption>
        {t('guidance.where', { device: t(`guidance.device.${device}`), level: t(`guidance.level.${place.level}`), side: t(`guidance.side.${place.side}`) })}
      </figcaption>
    </figure>
  );
}
