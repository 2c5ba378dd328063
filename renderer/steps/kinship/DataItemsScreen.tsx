import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepDone } from '../../flows/service-flow.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import './kinship.css';

type Item = StepProps<'choose-data-items'>['step']['items'][number];

/** What the personal-data certificate carries: the items the host offers here; at least one. */
export function DataItemsScreen({ step, request }: StepProps<'choose-data-items'>) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<ReadonlySet<Item>>(new Set(request.personalDataItems?.filter((item): item is Item => step.items.includes(item as Item)) ?? []));
  const [empty, setEmpty] = useState(false);
  const toggle = (item: Item) => {
    setEmpty(false);
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(item)) next.delete(item);
      else next.add(item);
      return next;
    });
  };
  const next = () => {
    if (chosen.size === 0) return setEmpty(true);
    void stepDone('choose-data-items', { request: { personalDataItems: step.items.filter((item) => chosen.has(item)) } });
  };
  return (
    <Screen
      title={t('dataItems.title')}
      actions={
        <>
          <CancelVisitButton />
          <Button onClick={next}>{t('greeting.continue')}</Button>
        </>
      }
    >
      <p className="lead">{t('dataItems.hint')}</p>
      <div className="toggle-grid">
        {step.items.map((item) => (
          <Button key={item} variant="secondary" aria-pressed={chosen.has(item)} data-item={item} onClick={() => toggle(item)}>
            {t(`dataItems.items.${item}`)}
          </Button>
        ))}
      </div>
      <p className="lead">{t('dataItems.formerNames')}</p>
      {empty && (
        <p className="error" role="alert">
          {t('dataItems.none')}
        </p>
      )}
    </Screen>
  );
}
