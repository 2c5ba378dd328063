import { useTranslation } from 'react-i18next';
import type { KioskAvailability, Language } from '../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../state/kiosk-store.js';
import './out-of-service.css';

type Counter = KioskAvailability['counters'][number];
type Weekday = Counter['hours']['sessions'][number]['days'][number];
const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ALL_LANGUAGES: readonly Language[] = ['zh-Hant', 'zh-Hans', 'pt', 'en'];

/**
 * The kiosk cannot offer anything (every service's devices are down): one page in every language at
 * once, since no one has chosen a language, saying where to go instead. It leaves by itself when the
 * host publishes that a service is back (no touch, no restart).
 */
export function OutOfServiceScreen({ counters }: { counters: KioskAvailability['counters'] }) {
  const languages: readonly Language[] = useKiosk((state) => state.info?.languages) ?? ALL_LANGUAGES;
  return (
    <div className="screen out-of-service" role="alert" data-testid="out-of-service">
      <main className="screen-body out-of-service-body">
        {languages.map((language) => (
          <OutOfServiceNotice key={language} language={language} counters={counters} />
        ))}
      </main>
    </div>
  );
}

function OutOfServiceNotice({ language, counters }: { language: Language; counters: KioskAvailability['counters'] }) {
  const { t } = useTranslation(undefined, { lng: language });
  return (
    <section lang={language} className="out-of-service-notice">
      <h1 className="screen-title">{t('outOfService.title')}</h1>
      <p className="lead">{t('outOfService.body')}</p>
      <p className="lead">{t('outOfService.elsewhere')}</p>
      <ul className="out-of-service-counters">
        {counters.map(({ office, hours }) => (
          <li key={office}>
            <strong>{t(`pickupPlaces.${office}`)}</strong>
            {hours.sessions.map((session, index) => (
              <span key={index}>
                {' · '}
                {t('outOfService.days', {
                  days: dayText(session.days, (day) => t(`outOfService.weekdays.${day}`), (from, to) => t('outOfService.dayRange', { from, to })),
                  open: session.open,
                  close: session.close,
                })}
              </span>
            ))}
            {hours.workingDaysOnly && ` (${t('outOfService.workingDays')})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `Mon to Fri` for a run of consecutive days, else the days one by one. */
function dayText(days: readonly Weekday[], name: (day: Weekday) => string, range: (from: string, to: string) => string): string {
  const sorted = WEEK.filter((day) => days.includes(day));
  const first = sorted[0];
  const last = sorted.at(-1);
  const consecutive = first !== undefined && last !== undefined && WEEK.indexOf(last) - WEEK.indexOf(first) === sorted.length - 1;
  if (consecutive && sorted.length > 2) return range(name(first), name(last));
  return sorted.map(name).join(', ');
}
