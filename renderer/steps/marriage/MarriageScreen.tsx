import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { FactsTable } from '../../ui/FactsTable.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { formatDate } from '../../ui/format.js';
import { KeyboardField, OnScreenKeyboard } from '../../ui/keyboard/OnScreenKeyboard.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import '../../ui/own-data-form.css';
import { PlaceOtherCardScreen } from '../../ui/PlaceOtherCardScreen.js';

type Part = 'year' | 'month' | 'day';
type Spouse = ResultOf<'marriage.readSpouseCard'>['spouse'];
type Phase =
  | { name: 'details'; error?: 'date' | 'authorised' }
  | { name: 'spouse-card'; error?: ApiErrorCode }
  | { name: 'spouse-read'; spouse: Spouse };

const LENGTH: Record<Part, number> = { year: 4, month: 2, day: 2 };

/** A calendar date from what was typed, or undefined (the host judges the 60 days). */
function dateOf(parts: Record<Part, string>): string | undefined {
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  if (parts.year.length !== 4 || !m || !d) return undefined;
  const iso = `${parts.year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return check.getUTCFullYear() === y && check.getUTCMonth() + 1 === m && check.getUTCDate() === d ? iso : undefined;
}

/**
 * Marital status to "married" [001 ID Q16]: the date the marriage was registered and whether the
 * couple authorised the Civil Registry to pass the data to DSI, then the spouse's card on the reader
 * (the host checks it is a valid smart ID card). The host's verdict follows: within 60 days of the
 * registration, authorised, both cards valid — otherwise the refusal names the reason.
 */
export function MarriageScreen(_props: StepProps<'confirm-marriage-data'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const language = useKiosk((s) => s.language);
  const [phase, setPhase] = useState<Phase>({ name: 'details' });
  const [parts, setParts] = useState<Record<Part, string>>({ year: '', month: '', day: '' });
  const order: Part[] = language.startsWith('zh') ? ['year', 'month', 'day'] : ['day', 'month', 'year'];
  const [active, setActive] = useState<Part>(order[0] as Part);
  const [authorised, setAuthorised] = useState<boolean | undefined>();
  const read = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => read.current?.abort(), []);

  const registeredOn = dateOf(parts);

  const readSpouse = async () => {
    if (!api) return;
    read.current?.abort();
    const controller = (read.current = new AbortController());
    setPhase({ name: 'spouse-card' });
    const result = await api.marriage.readSpouseCard({}, { signal: controller.signal });
    if (controller.signal.aborted) return;
    setPhase(result.ok ? { name: 'spouse-read', spouse: result.value.spouse } : { name: 'spouse-card', error: result.error.code });
  };

  const type = (text: string) => {
    const next = (parts[active] + text).slice(0, LENGTH[active]);
    setParts((p) => ({ ...p, [active]: next }));
    // Move on to the next part once this one is full.
    const index = order.indexOf(active);
    if (next.length === LENGTH[active] && index < order.length - 1) setActive(order[index + 1] as Part);
  };

  const cancel = <CancelVisitButton />;

  if (phase.name === 'details') {
    return (
      <Screen
        title={t('marriage.title')}
        actions={
          <>
            {cancel}
            <Button
              onClick={() => {
                if (!registeredOn) return setPhase({ name: 'details', error: 'date' });
                if (authorised === undefined) return setPhase({ name: 'details', error: 'authorised' });
                void readSpouse();
              }}
            >
              {t('marriage.next')}
            </Button>
          </>
        }
      >
        <div className="own-data-layout">
          <div className="own-data-fields">
            <fieldset className="date-fields-set" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="subheading">{t('marriage.registeredOn')}</legend>
              <div className="date-fields">
                {order.map((part) => (
                  <KeyboardField
                    key={part}
                    id={`marriage-${part}`}
                    label={t(`marriage.date.${part}`)}
                    value={parts[part]}
                    active={active === part}
                    maxLength={LENGTH[part]}
                    onActivate={() => setActive(part)}
                    onChange={(value) => setParts((p) => ({ ...p, [part]: value.replace(/\D/g, '').slice(0, LENGTH[part]) }))}
                  />
                ))}
              </div>
            </fieldset>
            {registeredOn && <p className="lead">{formatDate(registeredOn, language)}</p>}
            {phase.error === 'date' && (
              <p className="error" role="alert">
                {t('marriage.errors.date')}
              </p>
            )}
            <h2 className="subheading" id="marriage-authorised">
              {t('marriage.authorised')}
            </h2>
            <div className="choice-row" role="group" aria-labelledby="marriage-authorised">
              <Button variant="secondary" aria-pressed={authorised === true} onClick={() => setAuthorised(true)}>
                {authorised === true && <span aria-hidden="true">✓ </span>}
                {t('marriage.yes')}
              </Button>
              <Button variant="secondary" aria-pressed={authorised === false} onClick={() => setAuthorised(false)}>
                {authorised === false && <span aria-hidden="true">✓ </span>}
                {t('marriage.no')}
              </Button>
            </div>
            {phase.error === 'authorised' && (
              <p className="error" role="alert">
                {t('marriage.errors.authorised')}
              </p>
            )}
          </div>
          <OnScreenKeyboard layout="digits" onInput={type} onDelete={() => setParts((p) => ({ ...p, [active]: p[active].slice(0, -1) }))} />
        </div>
      </Screen>
    );
  }

  if (phase.name === 'spouse-card') {
    return <PlaceOtherCardScreen title={t('marriage.spouseCard')} hint={t('marriage.spouseCardHint')} error={phase.error} cancel={cancel} onRetry={() => void readSpouse()} />;
  }

  const { spouse } = phase;
  const name = language.startsWith('zh') && spouse.nameZh ? spouse.nameZh : spouse.nameLatin;
  return (
    <Screen
      title={t('marriage.confirmTitle')}
      actions={
        <>
          {cancel}
          <Button
            onClick={() =>
              registeredOn &&
              void stepDone('confirm-marriage-data', {
                // The host replaces the spouse's card validity with what it read itself.
                request: { marriage: { registeredOn, civilRegistryAuthorised: authorised === true, spouseHoldsValidSmartCard: spouse.validSmartCard } },
              })
            }
          >
            {t('marriage.confirm')}
          </Button>
        </>
      }
    >
      <FactsTable
        testId="marriage-summary"
        rows={[
          [t('marriage.spouse'), name],
          [t('marriage.spouseCardState'), spouse.validSmartCard ? t('marriage.cardValid') : t('marriage.cardNotValid')],
          [t('marriage.registeredOn'), registeredOn ? formatDate(registeredOn, language) : ''],
          [t('marriage.authorised'), authorised ? t('marriage.yes') : t('marriage.no')],
        ]}
      />
      <p className="lead">{t('marriage.confirmHint')}</p>
    </Screen>
  );
}
