import { useTranslation } from 'react-i18next';
import { chooseService } from '../flows/visit.js';
import { Screen } from '../ui/Screen.js';
import type { MenuEntry } from '../state/kiosk-store.js';
import { CancelVisitButton } from '../ui/CancelVisitButton.js';

/** The services the host lists, in its order; one not open now is shown but cannot be chosen. */
export function ServiceMenu({ services }: { services: MenuEntry[] }) {
  const { t } = useTranslation();
  return (
    <Screen
      title={t('menu.title')}
      actions={
        <CancelVisitButton />
      }
    >
      <div className="service-grid">
        {services.map(({ id, availability }) => (
          <button key={id} type="button" className="service-tile" disabled={!availability.openNow} onClick={() => void chooseService(id)}>
            {t(`services.${id}`)}
          </button>
        ))}
      </div>
    </Screen>
  );
}
