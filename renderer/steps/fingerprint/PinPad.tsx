import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { DigitKeys, pressDigit } from '../../ui/DigitKeys.js';

/** A 6-digit keypad for the touchscreen: digits are shown as dots, never as numbers. */
export function PinPad({ length = 6, busy, onSubmit }: { length?: number; busy: boolean; onSubmit: (digits: string) => void }) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  return (
    <div className="pin-pad">
      <div className="pin-dots" aria-label={t('pin.digits', { count: digits.length })} role="status">
        {Array.from({ length }, (_, i) => (
          <span key={i} className={i < digits.length ? 'pin-dot filled' : 'pin-dot'} aria-hidden="true" />
        ))}
      </div>
      <DigitKeys variant="pin" busy={busy} onKey={(key) => setDigits((d) => pressDigit(d, key, length))} />
      <Button
        disabled={busy || digits.length !== length}
        onClick={() => {
          onSubmit(digits);
          setDigits('');
        }}
      >
        {t('pin.confirm')}
      </Button>
    </div>
  );
}
