import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentVisit, stepDone } from '../../flows/service-flow.js';
import { type FeeQuote, type ServiceRequest, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { formatMop } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import './kinship.css';

type Format = StepProps<'choose-certificate-format'>['step']['formats'][number];
type Certificate = NonNullable<ServiceRequest['certificate']>;
const MAX_COPIES = 10;

/**
 * Paper or electronic, and how many copies, with the fee the host quotes for exactly that choice
 * (asked again at every change). Shared by the kinship and personal-data certificates. Pages are
 * not asked: the resident cannot know how many pages a certificate will take.
 */
export function CertificateFormatScreen({ step, request, quote }: StepProps<'choose-certificate-format'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [format, setFormat] = useState<Format | undefined>(request.certificate?.format ?? (step.formats.length === 1 ? step.formats[0] : undefined));
  const [copies, setCopies] = useState(request.certificate?.copies ?? 1);
  const [fee, setFee] = useState<FeeQuote | undefined>(quote.incomplete ? undefined : quote);

  const certificate: Certificate | undefined = format === undefined ? undefined : { format, copies };
  useEffect(() => {
    const service = currentVisit()?.service;
    if (!api || !service || !format) return;
    let stale = false;
    void api.services.quote({ service, request: { ...request, certificate: { format, copies } } }).then((result) => {
      if (!stale && result.ok) setFee(result.value);
    });
    return () => {
      stale = true;
    };
  }, [api, format, copies, request]);

  return (
    <Screen
      title={t('certificate.title')}
      actions={
        <>
          <CancelVisitButton />
          <Button disabled={!certificate || !fee} onClick={() => certificate && void stepDone('choose-certificate-format', { request: { certificate } })}>
            {t('greeting.continue')}
          </Button>
        </>
      }
    >
      {step.formats.length > 1 && (
        <>
          <h2 className="subheading">{t('certificate.format')}</h2>
          <div className="toggle-grid">
            {step.formats.map((option) => (
              <Button key={option} variant="secondary" aria-pressed={format === option} data-format={option} onClick={() => setFormat(option)}>
                {t(`certificate.formats.${option}`)}
              </Button>
            ))}
          </div>
          {format === 'electronic' && <p className="lead">{t('certificate.electronicHint')}</p>}
        </>
      )}
      <h2 className="subheading" id="copies-label">
        {t('certificate.copies')}
      </h2>
      <div className="stepper" role="group" aria-labelledby="copies-label">
        <Button variant="secondary" aria-label={t('certificate.fewer')} disabled={copies <= 1} onClick={() => setCopies((n) => Math.max(1, n - 1))}>
          −
        </Button>
        <span className="stepper-value" data-testid="copies" aria-live="polite">
          {copies}
        </span>
        <Button variant="secondary" aria-label={t('certificate.more')} disabled={copies >= MAX_COPIES} onClick={() => setCopies((n) => Math.min(MAX_COPIES, n + 1))}>
          +
        </Button>
      </div>
      <p className="lead" role="status" aria-live="polite">
        {format === undefined ? (
          t('certificate.chooseFormatFirst')
        ) : fee ? (
          <>
            {t('certificate.fee')} <span className="live-fee" data-testid="live-fee">{formatMop(fee.total, language)}</span>
          </>
        ) : (
          '\u00a0'
        )}
      </p>
    </Screen>
  );
}
