import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamsIn } from '../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../state/kiosk-store.js';
import { Button } from '../ui/Button.js';
import { formatMacauMinute, formatMop } from '../ui/format.js';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard.js';
import { type PendingItems, tool, type ToolAnswer } from './maintenance-flow.js';
import { ToolRefusal } from './ToolAnswerNote.js';

type Item = PendingItems[number];
type Resolution = ParamsIn<'maintenance.resolve'>;
type Outcome = Resolution['outcome'];

/** The outcomes a technician may record for each kind of pending item (the host checks them again). */
const OUTCOMES: { [K in Item['kind']]: Array<Extract<Resolution, { kind: K }>['outcome']> } = {
  'unknown-payment': ['charged', 'not-charged'],
  'reversal-pending': ['refunded-by-hand'],
  'queued-application': ['retry-now'],
};
/** The host's limits on a reason (ResolutionReason): at least 5 characters, at most 200. */
const REASON_MIN = 5;
const REASON_MAX = 200;
const PRESET_REASONS = ['terminalReport', 'govPayChecked', 'refundedAtCounter'] as const;

const idOf = (item: Item): string => (item.kind === 'queued-application' ? item.applicationId : item.reference);

function resolutionFor(item: Item, outcome: Outcome, reason: string): Resolution {
  if (item.kind === 'queued-application') return { kind: item.kind, applicationId: item.applicationId, outcome: 'retry-now', reason };
  if (item.kind === 'reversal-pending') return { kind: item.kind, reference: item.reference, outcome: 'refunded-by-hand', reason };
  return { kind: item.kind, reference: item.reference, outcome: outcome === 'charged' ? 'charged' : 'not-charged', reason };
}

/** What the journal waits on, and its resolution by hand: an outcome, then a reason (audited). */
export function PendingPanel() {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const [items, setItems] = useState<PendingItems | undefined>();
  const [choice, setChoice] = useState<{ item: Item; outcome: Outcome } | undefined>();
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState<ToolAnswer<unknown> | undefined>();
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    const listed = await tool((tools) => tools.pending({}));
    setItems(listed.ok ? listed.value.items : []);
  };
  useEffect(() => void refresh(), []);
  const confirm = async () => {
    if (!choice) return;
    setBusy(true);
    const resolved = await tool((tools) => tools.resolve(resolutionFor(choice.item, choice.outcome, reason.trim()), { signal: AbortSignal.timeout(60_000) }));
    setAnswer(resolved);
    setBusy(false);
    if (resolved.ok) {
      setItems(resolved.value.items);
      setChoice(undefined);
      setReason('');
    }
  };
  if (!items) return null;
  return (
    <section aria-labelledby="maintenance-pending-title">
      <h2 id="maintenance-pending-title">{t('maintenance.sections.pending')}</h2>
      {answer?.ok && (
        <p className="success" role="status" data-testid="resolved">
          {t('maintenance.pending.resolved')}
        </p>
      )}
      {items.length === 0 ? (
        <p className="lead" data-testid="nothing-pending">
          {t('maintenance.pending.none')}
        </p>
      ) : (
        <ul className="maintenance-pending" data-testid="pending-items">
          {items.map((item) => (
            <li key={idOf(item)} data-kind={item.kind} data-id={idOf(item)}>
              <strong>{t(`maintenance.pending.kinds.${item.kind}`)}</strong>
              <span>{t(`services.${item.service}`, { defaultValue: item.service })}</span>
              {'amountAvos' in item && <span>{formatMop(item.amountAvos, language)}</span>}
              <code>{idOf(item)}</code>
              <small>{formatMacauMinute(item.since)}</small>
              <span className="maintenance-row">
                {OUTCOMES[item.kind].map((outcome) => (
                  <Button
                    key={outcome}
                    variant={choice && idOf(choice.item) === idOf(item) && choice.outcome === outcome ? 'primary' : 'secondary'}
                    onClick={() => {
                      setChoice({ item, outcome });
                      setAnswer(undefined);
                    }}
                  >
                    {t(`maintenance.pending.outcomes.${outcome}`)}
                  </Button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {choice && (
        <div className="maintenance-reason" role="group" aria-labelledby="reason-label">
          <p id="reason-label" className="lead">
            {t('maintenance.pending.reasonPrompt', { outcome: t(`maintenance.pending.outcomes.${choice.outcome}`) })}
          </p>
          <div className="maintenance-row">
            {PRESET_REASONS.map((preset) => (
              <Button key={preset} variant="secondary" onClick={() => setReason(t(`maintenance.pending.presets.${preset}`))}>
                {t(`maintenance.pending.presets.${preset}`)}
              </Button>
            ))}
          </div>
          <output className="maintenance-reason-text" data-testid="reason" aria-live="polite">
            {reason || '…'}
          </output>
          <OnScreenKeyboard layout="text" onInput={(text) => setReason((r) => (r + text).slice(0, REASON_MAX))} onDelete={() => setReason((r) => r.slice(0, -1))} />
          <div className="maintenance-row">
            <Button variant="secondary" onClick={() => setChoice(undefined)}>
              {t('maintenance.cancel')}
            </Button>
            <Button disabled={busy || reason.trim().length < REASON_MIN} onClick={() => void confirm()}>
              {t('maintenance.pending.confirm')}
            </Button>
          </div>
        </div>
      )}
      <ToolRefusal answer={answer} />
    </section>
  );
}
