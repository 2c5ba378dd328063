import { useTranslation } from 'react-i18next';
import type { CardHolder } from '../../../electron/shared/kiosk-api/contract.js';
import { currentVisit, stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { FactsTable } from '../../ui/FactsTable.js';
import { formatDate, formatDecimal } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import './common-steps.css';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { ResidenceCertificateNotice } from '../money/ResidenceCertificateNotice.js';

/** The data the new card will carry, as read from the chip (and the height just measured). */
export function ReviewScreen({ holder, heightMm }: { holder: CardHolder; heightMm: number | undefined }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const evaluation = currentVisit()?.evaluation;
  const rows: [string, string][] = [
    ...(holder.nameZh ? [[t('review.nameZh'), holder.nameZh] as [string, string]] : []),
    [t('review.nameLatin'), holder.nameLatin],
    [t('review.cardNumber'), holder.cardNumber],
    [t('review.sex'), holder.sex === 'F' ? t('review.sexF') : t('review.sexM')],
    [t('review.dateOfBirth'), formatDate(holder.dateOfBirth, language)],
    [t('review.firstIssue'), formatDate(holder.firstIssue, language)],
    ...(heightMm !== undefined ? [[t('review.height'), t('review.heightCm', { cm: formatDecimal(heightMm / 10, language) })] as [string, string]] : []),
  ];
  return (
    <Screen
      title={t('review.title')}
      actions={
        <>
          <CancelVisitButton />
          <Button onClick={() => stepDone('review')}>{t('review.confirm')}</Button>
        </>
      }
    >
      <p className="lead">{t('review.hint')}</p>
      <FactsTable rows={rows} />
      {evaluation && <ResidenceCertificateNotice evaluation={evaluation} />}
    </Screen>
  );
}
