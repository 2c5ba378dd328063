import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { DigitKeys, pressDigit } from '../../ui/DigitKeys.js';

export const RECEIPT_DIGITS = 10;

/** The receipt number typed on the touchscreen: `R` then ten digits, kept by the parent so nothing is lost after a miss. */
export function ReceiptKeypad({ digits, onChange, busy, onSubmit }: { digits: string; onChange: (digits: string) => void; busy: boolean; onSubmit: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad">
      <label className="lead" htmlFor="receipt-number-typed">
        {t('collection.typeLabel')}
      </label>
      <output id="receipt-number-typed" className="keypad-display" data-testid="typed-receipt-number">
        R{digits}
      </output>
      <DigitKeys variant="keypad" busy={busy} onKey={(key) => onChange(pressDigit(digits, key, RECEIPT_DIGITS))} />
      <Button disabled={busy || digits.length !== RECEIPT_DIGITS} onClick={onSubmit}>
        {t('collection.lookUp')}
      </Button>
    </div>
  );
}
