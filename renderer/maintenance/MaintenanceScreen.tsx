import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenanceView } from '../../electron/host/bridge/contract.js';
import { Button } from '../ui/Button.js';
import { DigitKeys, pressDigit } from '../ui/DigitKeys.js';
import { Screen } from '../ui/Screen.js';
import '../steps/photo/capture.css';
import './maintenance.css';
import { TestScanAction } from './TestScan.js';
import {
  type CountersView,
  enterMaintenancePin,
  leaveMaintenance,
  type MaintenanceDevices,
  maintenanceCounters,
  maintenanceDevices,
  noteTechnicianActivity,
  printTestSlip,
  runSelfTest,
  type SelfTestResults,
} from './maintenance-flow.js';

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

function MaintenanceTools({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MaintenanceDevices>([]);
  const [results, setResults] = useState<SelfTestResults>([]);
  const [counters, setCounters] = useState<CountersView | undefined>();
  const [testing, setTesting] = useState(false);
  const [slip, setSlip] = useState<{ state: 'printed' } | { state: 'failed'; error: string } | undefined>();
  const refresh = async () => {
    setDevices(await maintenanceDevices());
    setCounters(await maintenanceCounters());
  };
  useEffect(() => void refresh(), []);
  const selfTest = async (device?: MaintenanceDevices[number]['device']) => {
    setTesting(true);
    const outcome = await runSelfTest(device);
    setResults((previous) => [...previous.filter((r) => !outcome.some((o) => o.device === r.device)), ...outcome]);
    setTesting(false);
    await refresh();
  };
  const testSlip = async () => {
    setTesting(true);
    const error = await printTestSlip();
    setSlip(error ? { state: 'failed', error } : { state: 'printed' });
    setTesting(false);
    await refresh();
  };
  return (
    <div className="maintenance" onPointerDownCapture={noteTechnicianActivity}>
      <Screen
        title={t('maintenance.title')}
        actions={
          <>
            <Button variant="secondary" disabled={testing} onClick={() => void selfTest()}>
              {t('maintenance.selfTestAll')}
            </Button>
            <Button onClick={() => void leaveMaintenance()}>{t('maintenance.leave')}</Button>
          </>
        }
      >
        <p className="lead" data-testid="maintenance-staff">
          {t('maintenance.staff', { staffId })} · {t('maintenance.idleEnds')}
        </p>
        <h2>{t('maintenance.devices')}</h2>
        <table className="maintenance-devices">
          <thead>
            <tr>
              <th scope="col">{t('maintenance.devices')}</th>
              <th scope="col">{t('maintenance.state')}</th>
              <th scope="col">{t('maintenance.model')}</th>
              <th scope="col">{t('maintenance.firmware')}</th>
              <th scope="col">{t('maintenance.serial')}</th>
              <th scope="col">{t('maintenance.selfTest')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => {
              const result = results.find((r) => r.device === device.device);
              return (
                <tr key={device.device} data-device={device.device}>
                  <th scope="row">{t(`maintenance.device.${device.device}`)}</th>
                  <td data-state={device.state}>
                    {t(`maintenance.states.${device.state}`)}
                    {device.detail && <small> ({device.detail})</small>}
                  </td>
                  <td>
                    {device.model}
                    <small>{device.vendor}</small>
                  </td>
                  <td>{device.firmware ?? t('maintenance.notReported')}</td>
                  <td>{device.serial ?? t('maintenance.notReported')}</td>
                  <td>
                    <Button variant="secondary" className="maintenance-test" disabled={testing} onClick={() => void selfTest(device.device)}>
                      {t('maintenance.selfTest')}
                    </Button>
                    {device.device === 'receipt-printer' && (
                      <Button variant="secondary" className="maintenance-test" disabled={testing} onClick={() => void testSlip()}>
                        {t('maintenance.testSlip')}
                      </Button>
                    )}
                    {device.device === 'document-scanner' && <TestScanAction disabled={testing} onDone={() => void refresh()} />}
                    {device.device === 'receipt-printer' && slip && (
                      <span className={slip.state === 'printed' ? 'success' : 'error-text'} data-slip={slip.state}>
                        {slip.state === 'printed' ? t('maintenance.testSlipPrinted') : `${t('maintenance.failed')} (${slip.error})`}
                      </span>
                    )}
                    {result && (
                      <span className={result.passed ? 'success' : 'error-text'} data-result={result.passed ? 'passed' : 'failed'}>
                        {result.passed ? t('maintenance.passed') : `${t('maintenance.failed')}${result.error ? ` (${result.error})` : ''}`}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h2>{t('maintenance.counters')}</h2>
        {counters && (
          <>
            <p className="lead">{t('maintenance.countersSince', { since: counters.since.slice(0, 16).replace('T', ' ') })}</p>
            <dl className="maintenance-counters" data-testid="maintenance-counters">
              {Object.entries(counters.counts)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([name, count]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{count}</dd>
                  </div>
                ))}
            </dl>
          </>
        )}
      </Screen>
    </div>
  );
}
