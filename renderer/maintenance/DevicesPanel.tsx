import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.js';
import { DeviceTest } from './DeviceTest.js';
import { type MaintenanceDevices, maintenanceDevices, runSelfTest, type SelfTestResults, tool, type ToolAnswer } from './maintenance-flow.js';
import { ToolRefusal } from './ToolAnswerNote.js';

type DeviceKind = MaintenanceDevices[number]['device'];

/** Every device's state, model, firmware and serial, with its self-test, a restart and its test action. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MaintenanceDevices>([]);
  const [results, setResults] = useState<SelfTestResults>([]);
  const [busy, setBusy] = useState(false);
  const [testing, setTesting] = useState<DeviceKind | undefined>();
  const [restart, setRestart] = useState<ToolAnswer<unknown> | undefined>();
  const refresh = async () => setDevices(await maintenanceDevices());
  useEffect(() => void refresh(), []);
  const selfTest = async (device?: DeviceKind) => {
    setBusy(true);
    const outcome = await runSelfTest(device);
    setResults((previous) => [...previous.filter((r) => !outcome.some((o) => o.device === r.device)), ...outcome]);
    setBusy(false);
    await refresh();
  };
  const restartDevice = async (device: DeviceKind) => {
    setBusy(true);
    const answer = await tool((tools) => tools.restartDevice({ device }, { signal: AbortSignal.timeout(30_000) }));
    setRestart(answer);
    setBusy(false);
    await refresh();
  };
  return (
    <section aria-labelledby="maintenance-devices-title">
      <div className="maintenance-row">
        <h2 id="maintenance-devices-title">{t('maintenance.devices')}</h2>
        <Button variant="secondary" disabled={busy} onClick={() => void selfTest()}>
          {t('maintenance.selfTestAll')}
        </Button>
      </div>
      <table className="maintenance-devices">
        <thead>
          <tr>
            <th scope="col">{t('maintenance.devices')}</th>
            <th scope="col">{t('maintenance.state')}</th>
            <th scope="col">{t('maintenance.model')}</th>
            <th scope="col">{t('maintenance.actions')}</th>
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
                  <small>
                    {t('maintenance.firmware')}: {device.firmware ?? t('maintenance.notReported')} · {t('maintenance.serial')}: {device.serial ?? t('maintenance.notReported')}
                  </small>
                  {device.diagnostics && (
                    <small data-diagnostics={device.device}>
                      {Object.entries(device.diagnostics)
                        .map(([name, count]) => `${name} ${count}`)
                        .join(' · ')}
                    </small>
                  )}
                </td>
                <td>
                  <Button variant="secondary" className="maintenance-test" disabled={busy} onClick={() => void selfTest(device.device)}>
                    {t('maintenance.selfTest')}
                  </Button>
                  <Button variant={testing === device.device ? 'primary' : 'secondary'} className="maintenance-test" disabled={busy} aria-pressed={testing === device.device} onClick={() => setTesting(testing === device.device ? undefined : device.device)}>
                    {t('maintenance.test')}
                  </Button>
                  <Button variant="secondary" className="maintenance-test" disabled={busy} onClick={() => void restartDevice(device.device)}>
                    {t('maintenance.restart')}
                  </Button>
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
      <ToolRefusal answer={restart} />
      {testing && <DeviceTest key={testing} device={testing} onDone={() => void refresh()} />}
    </section>
  );
}
