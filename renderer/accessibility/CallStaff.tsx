import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import { type Screen, useKiosk } from '../state/kiosk-store.js';

type Call = { state: 'idle' } | { state: 'calling' } | { state: 'called'; callId: string } | { state: 'failed'; error: ApiErrorCode };

/** The screen as a code for staff (`step:<kind>` for generic steps): never data about the resident. */
export function screenCode(screen: Screen): string {
  return screen.name === 'step' ? `step:${screen.step.kind}` : screen.name;
}

/**
 * "Call staff": asks the host to summon a member of staff, then confirms it over the screen. The
 * resident's screen and progress stay as they were underneath; OK closes the confirmation.
 */
export function CallStaffButton() {
  const { t } = useTranslation();
  const api = useKiosk((s) => s.api);
  const [call, setCall] = useState<Call>({ state: 'idle' });
  // Staff acknowledged a call from the operations dashboard: this one, or one the kiosk made itself (a card left behind).
  const onTheWay = useKiosk((s) => s.staffOnTheWay);
  const dismissOnTheWay = useKiosk((s) => s.dismissStaffOnTheWay);
  const close = () => {
    setCall({ state: 'idle' });
    dismissOnTheWay();
  };

  const callStaff = async () => {
    if (!api) return;
    setCall({ state: 'calling' });
    const result = await api.staff.call({ screen: screenCode(useKiosk.getState().screen) });
    setCall(result.ok ? { state: 'called', callId: result.value.callId } : { state: 'failed', error: result.error.code });
  };

  return (
    <>
      <button type="button" className="help-button" aria-haspopup="dialog" disabled={!api || call.state === 'calling'} onClick={() => void callStaff()}>
        <BellIcon />
        {call.state === 'calling' ? t('staff.calling') : t('staff.call')}
      </button>
      {onTheWay !== undefined && call.state !== 'failed' && (
        <div className="overlay overlay-bottom">
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="staff-title" aria-describedby="staff-text" data-call-id={onTheWay}>
            <h2 id="staff-title">{t('staff.onTheWayTitle')}</h2>
            <p id="staff-text" role="status">
              {t('staff.onTheWay')}
            </p>
            <button type="button" className="button button-primary" autoFocus onClick={close}>
              {t('staff.ok')}
            </button>
          </div>
        </div>
      )}
      {onTheWay === undefined && (call.state === 'called' || call.state === 'failed') && (
        <div className="overlay overlay-bottom">
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="staff-title" aria-describedby="staff-text">
            <h2 id="staff-title">{call.state === 'called' ? t('staff.calledTitle') : t('staff.call')}</h2>
            {call.state === 'called' ? (
              <>
                <p id="staff-text">{t('staff.calledWait')}</p>
                <p className="call-number" data-call-id={call.callId}>
                  {t('staff.callNumber', { callId: call.callId })}
                </p>
              </>
            ) : (
              <p id="staff-text" className="error" role="alert">
                {t(`errors.${call.error}`)}
              </p>
            )}
            <button type="button" className="button button-primary" autoFocus onClick={close}>
              {t('staff.ok')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** A service bell, drawn (the kiosk has no colour emoji font). */
function BellIcon() {
  return (
    <svg className="help-icon-svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 5a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Zm0 1c4.4 0 8 3.4 8 8v2H4v-2c0-4.6 3.6-8 8-8ZM2 18h20v2.5H2Z" fill="currentColor" />
    </svg>
  );
}
