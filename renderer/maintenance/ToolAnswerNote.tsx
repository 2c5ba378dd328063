import { useTranslation } from 'react-i18next';
import type { ToolAnswer } from './maintenance-flow.js';

/** A refused tool's reason, in the technician's language where there is one, with its stable code. */
export function ToolRefusal({ answer }: { answer: ToolAnswer<unknown> | undefined }) {
  const { t } = useTranslation();
  if (!answer || answer.ok) return null;
  const key = `maintenance.refusals.${answer.detail ?? answer.code}`;
  const text = t(key, { defaultValue: '' });
  return (
    <p className="error-text" role="alert" data-refusal={answer.detail ?? answer.code}>
      {t('maintenance.failed')}: {text || answer.code}
      <small> ({answer.code}{answer.detail ? `: ${answer.detail}` : ''})</small>
    </p>
  );
}
