import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.js';
import { type LogEntries, type MaintenanceDevices, maintenanceDevices, tool } from './maintenance-flow.js';

type DeviceKind = MaintenanceDevices[number]['device'];

/** The last log entries (newest first), all or one device's: what happened, with the fault's detail (path, errno, vendor code). */
export function LogPanel() {
  const { t } = useTranslation();
  const [device, setDevice] = useState<DeviceKind | undefined>();
  const [entries, setEntries] = useState<LogEntries>([]);
  // The host's device list, in its order: the filter offers every device the kiosk has.
  const [devices, setDevices] = useState<readonly DeviceKind[]>([]);
  useEffect(() => void maintenanceDevices().then((listed) => setDevices(listed.map((entry) => entry.device))), []);
  useEffect(() => {
    void tool((tools) => tools.log(device ? { device } : {})).then((answer) => setEntries(answer.ok ? answer.value.entries : []));
  }, [device]);
  return (
    <section aria-labelledby="maintenance-log-title">
      <h2 id="maintenance-log-title">{t('maintenance.sections.log')}</h2>
      <div className="maintenance-row" role="group" aria-label={t('maintenance.log.filter')}>
        <Button variant={device === undefined ? 'primary' : 'secondary'} aria-pressed={device === undefined} onClick={() => setDevice(undefined)}>
          {t('maintenance.log.all')}
        </Button>
        {devices.map((kind) => (
          <Button key={kind} variant={device === kind ? 'primary' : 'secondary'} aria-pressed={device === kind} onClick={() => setDevice(kind)}>
            {t(`maintenance.device.${kind}`)}
          </Button>
        ))}
      </div>
      {entries.length === 0 ? (
        <p className="lead">{t('maintenance.log.empty')}</p>
      ) : (
        <ol className="maintenance-log" data-testid="maintenance-log">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`} data-level={entry.level} data-log-device={entry.device ?? ''}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString('en-GB', { timeZone: 'Asia/Macau', hour12: false })}</time>
              <span className="maintenance-log-level">{entry.level}</span>
              {entry.device && <span>{t(`maintenance.device.${entry.device}`)}</span>}
              <span>{entry.message}</span>
              {[entry.state, entry.detail, entry.code, entry.path, entry.errno, entry.vendorCode].filter(Boolean).map((value) => (
                <code key={value}>{value}</code>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
