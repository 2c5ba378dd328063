import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CardHolder, Language, ResultOf, ServiceId } from '../../../electron/shared/kiosk-api/contract.js';
import { currentVisit, stepDone } from '../../flows/service-flow.js';
import { type FeeQuote, type PickupOption, type ServiceRequest, useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { FactsTable } from '../../ui/FactsTable.js';
import { formatDate, formatDecimal, formatMop } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { ResidenceCertificateNotice } from '../money/ResidenceCertificateNotice.js';
import { ReviewCaptures } from './ReviewCaptures.js';
import { pickupRows } from './pickup-rows.js';

type Row = readonly [string, string];
type Relatives = ResultOf<'relatives.list'>['relatives'];
type T = TFunction;

export interface ReviewProps {
  service: ServiceId;
  holder: CardHolder;
  heightMm: number | undefined;
  /** The choices the host holds (certificate, data items, pickup place). */
  request: ServiceRequest;
  quote: FeeQuote;
  /** The pickup place chosen, with the ready time the host computed; undefined when nothing is collected. */
  pickup: PickupOption | undefined;
}

const RENEWALS: ReadonlySet<ServiceId> = new Set(['renew-permanent', 'renew-nonpermanent']);

/**
 * The summary before paying, for every paid service: what the application holds (a renewal's card
 * data, photo, signature and height; a certificate's relatives or data items, format and copies),
 * where and when to collect it, and the fee. Its action confirms and goes on to pay.
 */
export function ReviewScreen({ service, holder, heightMm, request, quote, pickup }: ReviewProps) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const evaluation = currentVisit()?.evaluation;
  const renewal = RENEWALS.has(service);
  const relatives = useRelatives(service === 'kinship-certificate');
  const rows: Row[] = [
    ...(renewal ? cardRows(holder, heightMm, language, t) : choiceRows(request, relatives, t)),
    ...pickupRows(pickup, request, language, t),
    ...(quote.incomplete ? [] : [[t('review.fee'), formatMop(quote.total, language)] as const]),
  ];
  return (
    <Screen
      title={renewal ? t('review.title') : t('review.summaryTitle')}
      actions={
        <>
          <CancelVisitButton />
          <Button onClick={() => stepDone('review')}>{t('review.confirmAndPay')}</Button>
        </>
      }
    >
      <p className="lead">{renewal ? t('review.hint') : t('review.summaryHint')}</p>
      <div className="review-summary">
        <FactsTable rows={rows} testId="review-facts" />
        {renewal && <ReviewCaptures />}
      </div>
      {evaluation && <ResidenceCertificateNotice evaluation={evaluation} />}
    </Screen>
  );
}

/** The data the new card will carry, as read from the chip (and the height measured). */
function cardRows(holder: CardHolder, heightMm: number | undefined, language: Language, t: T): Row[] {
  return [
    ...(holder.nameZh ? [[t('review.nameZh'), holder.nameZh] as const] : []),
    [t('review.nameLatin'), holder.nameLatin],
    [t('review.cardNumber'), holder.cardNumber],
    [t('review.sex'), holder.sex === 'F' ? t('review.sexF') : t('review.sexM')],
    [t('review.dateOfBirth'), formatDate(holder.dateOfBirth, language)],
    [t('review.firstIssue'), formatDate(holder.firstIssue, language)],
    ...(heightMm !== undefined ? [[t('review.height'), t('review.heightCm', { cm: formatDecimal(heightMm / 10, language) })] as const] : []),
  ];
}

/** A certificate's choices: the relatives read (names masked by the host) or the data items, then format and copies. */
function choiceRows(request: ServiceRequest, relatives: Relatives | undefined, t: T): Row[] {
  const rows: Row[] = [];
  if (relatives && relatives.length > 0) {
    const entries = relatives.map((r) => t('review.relativeEntry', { relation: t(`kinship.relations.${r.relation}`), name: r.nameZh || r.nameLatin, card: r.cardNumber }));
    rows.push([t('review.relatives'), entries.join(t('review.listSeparator'))]);
  }
  if (request.personalDataItems && request.personalDataItems.length > 0) {
    rows.push([t('review.dataItems'), request.personalDataItems.map((item) => t(`dataItems.items.${item}`)).join(t('review.listSeparator'))]);
  }
  const certificate = request.certificate;
  if (certificate) {
    rows.push([t('review.certificate'), t('review.certificateCopies', { format: t(`certificate.formats.${certificate.format}`), copies: certificate.copies })]);
  }
  return rows;
}

/** The relatives the host read for a kinship certificate (masked names), for its summary. */
function useRelatives(wanted: boolean): Relatives | undefined {
  const api = useKiosk((s) => s.api);
  const [relatives, setRelatives] = useState<Relatives | undefined>();
  useEffect(() => {
    if (!wanted || !api) return undefined;
    const controller = new AbortController();
    void api.relatives.list({}, { signal: controller.signal }).then((result) => {
      if (!controller.signal.aborted && result.ok) setRelatives(result.value.relatives);
    });
    return () => controller.abort();
  }, [wanted, api]);
  return relatives;
}
