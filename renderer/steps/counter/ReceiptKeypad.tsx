import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', '⌫'] as const;
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
      <div className="keypad-keys">
        {KEYS.map((key, i) =>
          key === '' ? (
            <span key={i} />
          ) : (
            <button
              key={i}
              type="button"
              className="keypad-key"
              disabled={busy}
              aria-label={key === '⌫' ? t('pin.delete') : key}
              onClick={() => onChange(key === '⌫' ? digits.slice(0, -1) : digits.length < RECEIPT_DIGITS ? digits + key : digits)}
            >
              {key}
            </button>
          ),
        )}
      </div>
      <Button disabled={busy || digits.length !== RECEIPT_DIGITS} onClick={onSubmit}>
        {t('collection.lookUp')}
      </Button>
    </div>
  );
}
