import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMacauMinute } from '../ui/format.js';
import { type CountersView, maintenanceCounters } from './maintenance-flow.js';

/**
 * The counters, named in the technician's language: `<what>` or `<what>:<device or service>`
 * (electron/host/maintenance/counters.ts), e.g. "Faults · Height gauge", "Visits · Take a queue ticket".
 */
export function CountersPanel() {
  const { t, i18n } = useTranslation();
  const [counters, setCounters] = useState<CountersView | undefined>();
  useEffect(() => void maintenanceCounters().then(setCounters), []);
  const label = (name: string): string => {
    const [what, target] = name.split(':', 2) as [string, string | undefined];
    const base = t(`maintenance.counter.${what}`, { defaultValue: what });
    if (!target) return base;
    const targetKey = i18n.exists(`maintenance.device.${target}`) ? `maintenance.device.${target}` : `services.${target}`;
    return `${base} · ${t(targetKey, { defaultValue: target })}`;
  };
  if (!counters) return null;
  return (
    <section aria-labelledby="maintenance-counters-title">
      <h2 id="maintenance-counters-title">{t('maintenance.counters')}</h2>
      <p className="lead">{t('maintenance.countersSince', { since: formatMacauMinute(counters.since) })}</p>
      <dl className="maintenance-counters" data-testid="maintenance-counters">
        {Object.entries(counters.counts)
          .map(([name, count]) => ({ name, count, text: label(name) }))
          .sort((a, b) => a.text.localeCompare(b.text))
          .map(({ name, count, text }) => (
            <div key={name} data-counter={name}>
              <dt>{text}</dt>
              <dd>{count}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
