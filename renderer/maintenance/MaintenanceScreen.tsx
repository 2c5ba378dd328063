import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import maintenanceMessages from 'virtual:kiosk-locale-section/maintenance';
import type { MaintenanceView } from '../../electron/shared/kiosk-api/contract.js';
import { addLocaleSection } from '../i18n/add-locale-section.js';
import { Button } from '../ui/Button.js';
import { DigitKeys, pressDigit } from '../ui/DigitKeys.js';
import { Screen } from '../ui/Screen.js';
import '../steps/photo/capture.css';
import './maintenance.css';
import { enterMaintenancePin, leaveMaintenance } from './maintenance-flow.js';
import { MaintenanceTools } from './MaintenanceTools.js';

// The technician's words are not in the first paint's locale (renderer/i18n/lazy-sections.ts): they
// arrive with this chunk, in every language, before any of its screens renders.
addLocaleSection('maintenance', maintenanceMessages);

/** Maintenance mode on the touchscreen: the staff card prompt, the PIN, then the technician's tools. */
export function MaintenanceScreen({ view }: { view: Exclude<MaintenanceView, { phase: 'closed' | 'locked' }> }) {
  if (view.phase === 'card') return <PlaceStaffCard />;
  if (view.phase === 'pin') return <MaintenancePin triesLeft={view.triesLeft} />;
  return <MaintenanceTools staffId={view.staffId} />;
}

function PlaceStaffCard() {
  const { t } = useTranslation();
  return (
    <Screen title={t('maintenance.title')} actions={<Button variant="secondary" onClick={() => void leaveMaintenance()}>{t('maintenance.cancel')}</Button>}>
      <p className="lead prompt">{t('maintenance.placeCard')}</p>
    </Screen>
  );
}

const PIN_MIN = 4;
const PIN_MAX = 8;

function MaintenancePin({ triesLeft }: { triesLeft: number }) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState(triesLeft);
  const wrong = triesLeft < tries;
  useEffect(() => setTries((previous) => Math.max(previous, triesLeft)), [triesLeft]);
  const submit = async () => {
    setBusy(true);
    await enterMaintenancePin(digits);
    setDigits('');
    setBusy(false);
  };
  return (
    <Screen title={t('maintenance.pinTitle')} actions={<Button variant="secondary" onClick={() => void leaveMaintenance()}>{t('maintenance.cancel')}</Button>}>
      {wrong && (
        <p className="error" role="alert">
          {t('maintenance.wrongPin')} {t('maintenance.triesLeft', { count: triesLeft })}
        </p>
      )}
      <div className="pin-pad">
        <div className="pin-dots" role="status" aria-label={t('pin.digits', { count: digits.length })}>
          {Array.from({ length: Math.max(PIN_MIN, digits.length) }, (_, i) => (
            <span key={i} className={i < digits.length ? 'pin-dot filled' : 'pin-dot'} aria-hidden="true" />
          ))}
        </div>
        <DigitKeys variant="pin" busy={busy} onKey={(key) => setDigits((d) => pressDigit(d, key, PIN_MAX))} />
        <Button disabled={busy || digits.length < PIN_MIN} onClick={() => void submit()}>
          {t('maintenance.enter')}
        </Button>
      </div>
    </Screen>
  );
}
