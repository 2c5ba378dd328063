import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { finishService } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { formatDate, formatInstant } from '../../ui/format.js';
import { Screen } from '../../ui/Screen.js';
import { FlowErrorScreen } from '../flow/FlowErrorScreen.js';
import type { StepProps } from '../flow/step-props.js';
import { type CheckResult, checkResultFor } from './check-result.js';
import { useSlipPrint } from './slip-print.js';
import { SlipStatus } from './SlipStatus.js';
import './counter.css';
import slipMessages from 'virtual:kiosk-locale-section/slip';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('slip', slipMessages);

/** `print-result` steps: the authenticity check's result here; the chip-data printout is another flow's. */
export function PrintResultStep(props: StepProps<'print-result'>) {
  const sessionId = useKiosk((s) => s.sessionId);
  const result = checkResultFor(sessionId);
  if (props.step.document !== 'authenticity-check' || !result) return <FlowErrorScreen error="step-not-allowed" />;
  return <AuthenticityResultScreen result={result} />;
}

/** The verdict as a symbol and words (never colour alone), the masked number, and the printed result on request. */
export function AuthenticityResultScreen({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const api = useKiosk((s) => s.api);
  const [slip, print] = useSlipPrint(useCallback(() => api?.authenticity.print({}), [api]));
  const genuine = result.verdict === 'genuine';
  return (
    <Screen
      title={t('authenticity.resultTitle')}
      actions={
        <>
          <Button variant="secondary" disabled={slip.state === 'printing'} onClick={() => void print()}>
            {slip.state === 'failed' ? t('slip.printAgain') : t('authenticity.print')}
          </Button>
          <Button onClick={finishService}>{t('actions.finish')}</Button>
        </>
      }
    >
      <div className={`verdict ${genuine ? 'verdict-genuine' : 'verdict-bad'}`} data-verdict={result.verdict}>
        <span className="verdict-symbol" aria-hidden="true">
          {genuine ? '✓' : '✗'}
        </span>
        <div>
          <p className="verdict-text">{t(`authenticity.verdicts.${result.verdict}`)}</p>
          <p className="verdict-detail">{t(`authenticity.explain.${result.verdict}`)}</p>
        </div>
      </div>
      <dl className="facts">
        {result.cardNumberMasked && (
          <>
            <dt>{t('authenticity.cardNumber')}</dt>
            <dd data-testid="masked-card-number">{result.cardNumberMasked}</dd>
          </>
        )}
        {result.expiredOn && (
          <>
            <dt>{t('authenticity.expiredOn')}</dt>
            <dd>{formatDate(result.expiredOn, language)}</dd>
          </>
        )}
        <dt>{t('authenticity.checkedAt')}</dt>
        <dd>{formatInstant(result.checkedAt, language)}</dd>
      </dl>
      <SlipStatus slip={slip} />
    </Screen>
  );
}
