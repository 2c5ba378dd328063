import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../electron/shared/kiosk-api/contract.js';
import { Button } from '../ui/Button.js';
import { tool, type ToolAnswer } from './maintenance-flow.js';
import { ToolRefusal } from './ToolAnswerNote.js';

/** Exports a diagnostics bundle (no personal data) to the kiosk's state directory, and says where. */
export function BundlePanel() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ToolAnswer<ResultOf<'maintenance.exportBundle'>> | undefined>();
  const exportBundle = async () => {
    setBusy(true);
    setAnswer(await tool((tools) => tools.exportBundle({})));
    setBusy(false);
  };
  return (
    <section aria-labelledby="maintenance-bundle-title">
      <h2 id="maintenance-bundle-title">{t('maintenance.sections.bundle')}</h2>
      <p className="lead">{t('maintenance.bundle.explain')}</p>
      <Button disabled={busy} onClick={() => void exportBundle()}>
        {t('maintenance.bundle.export')}
      </Button>
      <ToolRefusal answer={answer} />
      {answer?.ok && (
        <dl className="maintenance-facts" data-testid="bundle-result">
          <dt>{t('maintenance.bundle.file')}</dt>
          <dd>
            <code>{answer.value.file}</code>
          </dd>
          <dt>{t('maintenance.bundle.size')}</dt>
          <dd>{(answer.value.bytes / 1024).toFixed(1)} KiB</dd>
          <dt>SHA-256</dt>
          <dd>
            <code>{answer.value.sha256.slice(0, 16)}…</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
