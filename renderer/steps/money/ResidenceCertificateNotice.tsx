import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../state/kiosk-store.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { formatDate } from '../../ui/format.js';
import './money.css';
import residenceCertificateMessages from 'virtual:kiosk-locale-section/residenceCertificate';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('residenceCertificate', residenceCertificateMessages);

/**
 * The PSP residence certificate a non-permanent renewal rides on, as the host evaluated it: its
 * expiry, and a warning when the host's notices say it is near (Law 16/2021: renew within its
 * validity or a fine applies). The host decides "near"; this only shows it.
 */
export function ResidenceCertificateNotice({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const certificate = evaluation.residenceCertificate;
  if (!certificate) return null;
  const date = formatDate(certificate.validUntil, language);
  const near = evaluation.eligibility.notices.includes('residence-certificate-expiring-soon');
  return (
    <section className="certificate" aria-labelledby="certificate-heading" data-testid="residence-certificate" data-days-left={certificate.daysLeft}>
      <h2 id="certificate-heading" className="subheading">
        {t('residenceCertificate.heading')}
      </h2>
      <p className="lead">{t('residenceCertificate.validUntil', { date, days: certificate.daysLeft })}</p>
      {near && (
        <p className="warning" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('residenceCertificate.expiringSoon', { date, days: certificate.daysLeft })}
        </p>
      )}
    </section>
  );
}
