import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../electron/shared/kiosk-api/contract.js';
import { Button } from '../ui/Button.js';
import { formatMacauMinute } from '../ui/format.js';
import { tool, type ToolAnswer } from './maintenance-flow.js';
import { ToolRefusal } from './ToolAnswerNote.js';

type Calls = ResultOf<'maintenance.staffCalls'>['calls'];

/** The kiosk's recent calls for staff, newest first; a technician at the kiosk acknowledges one (the resident is told). */
export function StaffCallsPanel() {
  const { t } = useTranslation();
  const [calls, setCalls] = useState<Calls | undefined>();
  const [answer, setAnswer] = useState<ToolAnswer<unknown> | undefined>();
  useEffect(() => void tool((tools) => tools.staffCalls({})).then((listed) => setCalls(listed.ok ? listed.value.calls : [])), []);
  const acknowledge = async (callId: string) => {
    const acknowledged = await tool((tools) => tools.acknowledgeStaffCall({ callId }));
    setAnswer(acknowledged);
    if (acknowledged.ok) setCalls(acknowledged.value.calls);
  };
  if (!calls) return null;
  return (
    <section aria-labelledby="maintenance-calls-title">
      <h2 id="maintenance-calls-title">{t('maintenance.sections.calls')}</h2>
      {calls.length === 0 ? (
        <p className="lead">{t('maintenance.calls.none')}</p>
      ) : (
        <ul className="maintenance-pending" data-testid="staff-calls">
          {calls.map((call) => (
            <li key={call.callId} data-call={call.callId} data-acknowledged={call.acknowledgedAt ? 'yes' : 'no'}>
              <code>{call.callId}</code>
              <span>{formatMacauMinute(call.calledAt)}</span>
              <span>{t('maintenance.calls.screen', { screen: call.screen })}</span>
              {call.acknowledgedAt ? (
                <span className="success">{t('maintenance.calls.acknowledged', { at: formatMacauMinute(call.acknowledgedAt) })}</span>
              ) : (
                <Button onClick={() => void acknowledge(call.callId)}>{t('maintenance.calls.acknowledge')}</Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ToolRefusal answer={answer} />
    </section>
  );
}
