import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseService } from '../flows/visit.js';
import { Screen } from '../ui/Screen.js';
import { useKiosk, type MenuEntry } from '../state/kiosk-store.js';
import { CancelVisitButton } from '../ui/CancelVisitButton.js';

/**
 * The services the host lists, in its order. One not open now, or whose devices do not work (the
 * host's `availability.changed`), is shown greyed out with the first device missing as the reason,
 * and cannot be chosen (the host refuses it too: `service-unavailable`).
 * Memoised: a service tap keeps the menu while the host answers (the screen's `opening` marker,
 * visit-machine.ts), and the tap's frame need not render the menu again for it.
 */
export const ServiceMenu = memo(function ServiceMenu({ services }: { services: MenuEntry[] }) {
  const { t } = useTranslation();
  const availability = useKiosk((state) => state.availability);
  return (
    <Screen
      title={t('menu.title')}
      actions={
        <CancelVisitButton askFirst={false} />
      }
    >
      <div className="service-grid">
        {services.map(({ id, availability: hours }) => {
          const devices = availability?.services.find((entry) => entry.service === id);
          const missing = devices && !devices.available ? devices.missing[0] : undefined;
          const usable = hours.openNow && devices?.available !== false;
          return (
            <button
              key={id}
              type="button"
              className="service-tile"
              data-service={id}
              disabled={!usable}
              aria-describedby={missing ? `unavailable-${id}` : undefined}
              onClick={() => void chooseService(id)}
            >
              {t(`services.${id}`)}
              {missing && (
                <span className="service-tile-reason" id={`unavailable-${id}`}>
                  {t(`menu.deviceDown.${missing}`)}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </Screen>
  );
});
