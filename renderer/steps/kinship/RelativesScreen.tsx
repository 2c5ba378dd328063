import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiErrorCode } from '../../../electron/shared/kiosk-api/errors.js';
import { stepDone } from '../../flows/service-flow.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DeviceGuidance } from '../../ui/guidance/DeviceGuidance.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import './kinship.css';

type List = ResultOf<'relatives.list'>;
type Relation = StepProps<'relatives-cards'>['step']['relations'][number];
type Refusal = Exclude<ResultOf<'relatives.readCard'>['outcome'], 'added'>;

type Phase =
  | { name: 'choose'; error?: ApiErrorCode }
  | { name: 'reading'; relation: Relation; replace?: number; attempt: number }
  /** The card was refused; reading starts again once it is lifted. */
  | { name: 'refused'; refusal: Refusal; relation: Relation; replace?: number };

/**
 * Relatives' cards, one by one: the resident chooses the relation, lifts their own card and places
 * the relative's. The host reads it, refuses the resident's own card, a card already listed and a
 * ninth relative, and keeps the list (masked names here: a public hall). Remove or replace any entry.
 */
export function RelativesScreen({ step }: StepProps<'relatives-cards'>) {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [list, setList] = useState<List>({ relatives: [], max: step.max });
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const call = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (!api) return;
    void api.relatives.list({}).then((result) => result.ok && setList(result.value));
    return () => call.current?.abort();
  }, [api]);

  useEffect(() => {
    if (!api || phase.name !== 'reading') return;
    const controller = (call.current = new AbortController());
    const { relation, replace } = phase;
    void api.relatives.readCard({ relation, ...(replace !== undefined ? { replace } : {}) }, { signal: controller.signal }).then((result) => {
      if (controller.signal.aborted) return;
      if (!result.ok) {
        // A card lifted mid-read: simply read again.
        if (result.error.code === 'card-removed') return setPhase({ ...phase, attempt: phase.attempt + 1 });
        return setPhase({ name: 'choose', error: result.error.code });
      }
      setList(result.value.list);
      if (result.value.outcome === 'added') return setPhase({ name: 'choose' });
      setPhase({ name: 'refused', refusal: result.value.outcome, relation, ...(replace !== undefined ? { replace } : {}) });
    });
    return () => controller.abort();
  }, [api, phase]);

  useEffect(() => {
    if (!api || phase.name !== 'refused' || phase.refusal === 'full') return;
    return api.on('card.presence', ({ present }) => {
      if (!present) setPhase({ name: 'reading', relation: phase.relation, ...(phase.replace !== undefined ? { replace: phase.replace } : {}), attempt: 0 });
    });
  }, [api, phase]);

  const remove = async (index: number) => {
    if (!api) return;
    const result = await api.relatives.remove({ index });
    if (result.ok) setList(result.value);
  };

  const full = list.relatives.length >= list.max;
  const reading = phase.name === 'reading' || phase.name === 'refused';
  const relationName = (relation: Relation) => t(`kinship.relations.${relation}`);
  return (
    <Screen
      title={t('kinship.relativesTitle')}
      actions={
        <>
          <CancelVisitButton />
          {reading && (
            <Button variant="secondary" onClick={() => setPhase({ name: 'choose' })}>
              {t('kinship.back')}
            </Button>
          )}
          {!reading && (
            <Button
              disabled={list.relatives.length < step.min}
              onClick={() => void stepDone('relatives-cards')}
            >
              {t('greeting.continue')}
            </Button>
          )}
        </>
      }
    >
      <p className="lead" data-testid="relatives-count">
        {t('kinship.count', { count: list.relatives.length, max: list.max })}
      </p>
      {list.relatives.length > 0 && (
        <ul className="relative-list" aria-label={t('kinship.listLabel')}>
          {list.relatives.map((relative, index) => {
            const who = `${relative.nameZh} ${relative.nameLatin}`.trim();
            return (
              <li key={`${relative.cardNumber}-${index}`} className="relative-row" data-relative={index}>
                <span className="relative-text">
                  <span className="relative-relation">{relationName(relative.relation)}</span>
                  {who} · {relative.cardNumber}
                </span>
                {!reading && (
                  <>
                    <Button variant="secondary" aria-label={t('kinship.replaceOne', { who })} onClick={() => setPhase({ name: 'reading', relation: relative.relation, replace: index, attempt: 0 })}>
                      {t('kinship.replace')}
                    </Button>
                    <Button variant="secondary" aria-label={t('kinship.removeOne', { who })} onClick={() => void remove(index)}>
                      {t('kinship.remove')}
                    </Button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {phase.name === 'choose' && (
        <>
          {full ? (
            <p className="lead" role="status">
              {t('kinship.full', { max: list.max })}
            </p>
          ) : (
            <>
              <h2 className="subheading">{t('kinship.chooseRelation')}</h2>
              <div className="toggle-grid">
                {step.relations.map((relation) => (
                  <Button key={relation} variant="secondary" data-relation={relation} onClick={() => setPhase({ name: 'reading', relation, attempt: 0 })}>
                    {relationName(relation)}
                  </Button>
                ))}
              </div>
            </>
          )}
          {phase.error && (
            <p className="error" role="alert">
              {t(`errors.${phase.error}`)}
            </p>
          )}
        </>
      )}
      {reading && (
        <>
          <DeviceGuidance device="card-reader" activity="ready" />
          <p className="lead" role="status">
            {t('kinship.placeCard', { relation: relationName(phase.relation) })}
          </p>
        </>
      )}
      {phase.name === 'refused' && (
        <p className="error" role="alert">
          {t(`kinship.refused.${phase.refusal}`)}
        </p>
      )}
    </Screen>
  );
}
