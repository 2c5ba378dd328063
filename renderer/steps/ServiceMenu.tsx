import { useTranslation } from 'react-i18next';
import { chooseService, endVisit } from '../flows/visit.js';
import { Button } from '../ui/Button.js';
import { Screen } from '../ui/Screen.js';
import type { MenuEntry } from '../state/kiosk-store.js';

/** The services the host lists, in its order; one not open now is shown but cannot be chosen. */
export function ServiceMenu({ services }: { services: MenuEntry[] }) {
  const { t } = useTranslation();
  return (
    <Screen
      title={t('menu.title')}
      actions={
        <Button variant="secondary" onClick={() => void endVisit('cancelled')}>
          {t('actions.cancel')}
        </Button>
      }
    >
      <div className="service-grid">
        {services.map(({ id, availability }) => (
          <button key={id} type="button" className="service-tile" disabled={!availability.openNow} onClick={() => chooseService(id)}>
            {t(`services.${id}`)}
          </button>
        ))}
      </div>
    </Screen>
  );
}
