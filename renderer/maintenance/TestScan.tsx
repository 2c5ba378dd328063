import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.js';
import { runTestScan, type TestScan } from './maintenance-flow.js';

type Shown = { state: 'scanning' } | { state: 'done'; scan: TestScan } | { state: 'failed'; error: string };

/** The document scanner's test action: a whole-bed scan, shown on screen (or why it failed). */
export function TestScanAction({ disabled, onDone }: { disabled: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | undefined>();
  const scan = async () => {
    setShown({ state: 'scanning' });
    const answer = await runTestScan();
    setShown(answer === undefined || typeof answer === 'string' ? { state: 'failed', error: answer ?? 'not-connected' } : { state: 'done', scan: answer });
    onDone();
  };
  return (
    <>
      <Button variant="secondary" className="maintenance-test" disabled={disabled || shown?.state === 'scanning'} onClick={() => void scan()}>
        {t('maintenance.testScan')}
      </Button>
      {shown?.state === 'failed' && (
        <span className="error-text" data-test-scan="failed">
          {t('maintenance.testScanFailed', { code: shown.error })}
        </span>
      )}
      {shown?.state === 'done' && shown.scan.blank && (
        <span className="success" data-test-scan="blank">
          {t('maintenance.testScanBlank')}
        </span>
      )}
      {shown?.state === 'done' && !shown.scan.blank && (
        <img
          className="maintenance-test-scan"
          data-test-scan="picture"
          src={`data:image/jpeg;base64,${shown.scan.jpegBase64}`}
          alt={t('maintenance.testScanPicture')}
          width={Math.round(shown.scan.width / 2)}
        />
      )}
    </>
  );
}
