import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kiosk-store.js';
import { AccessibilityButton } from './AccessibilityPanel.js';
import { CallStaffButton } from './CallStaff.js';

/**
 * The bar at the foot of every screen: accessibility (always, even while connecting) and "Call staff"
 * (once the host is there to take the call). At the bottom edge, so it is within reach in every layout.
 */
export function HelpBar() {
  const { t } = useTranslation();
  const connecting = useKiosk((s) => s.screen.name === 'connecting');
  return (
    <nav className="help-bar" aria-label={t('a11y.helpBar')}>
      <AccessibilityButton />
      {!connecting && <CallStaffButton />}
    </nav>
  );
}
