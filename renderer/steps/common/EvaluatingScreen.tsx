import { useTranslation } from 'react-i18next';
import { Screen } from '../../ui/Screen.js';

/** While the host evaluates the resident's eligibility and the service's steps. */
export function EvaluatingScreen() {
  const { t } = useTranslation();
  return (
    <Screen title={t('evaluating.title')}>
      <p className="lead" role="status">
        {t('evaluating.hint')}
      </p>
    </Screen>
  );
}
