import { useTranslation } from 'react-i18next';
import { useKiosk } from '../state/kiosk-store.js';

/**
 * The TEST MODE mark: a striped bar across the top of every screen while the host is in test mode
 * (simulated devices or `testMode: true`, electron/host/config/test-mode.ts), so nobody mistakes a
 * tester's kiosk for one in service. The host decides; the renderer only shows it.
 */
export function TestModeMark() {
  const { t } = useTranslation();
  const testMode = useKiosk((state) => state.info?.testMode === true);
  if (!testMode) return null;
  return (
    <div className="test-mode-mark" data-testid="test-mode-mark">
      <strong>{t('testMode.mark')}</strong> <span>{t('testMode.detail')}</span>
    </div>
  );
}
