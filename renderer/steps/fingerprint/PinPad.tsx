import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', '⌫'] as const;

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
      <div className="pin-keys">
        {KEYS.map((key, i) =>
          key === '' ? (
            <span key={i} />
          ) : (
            <button
              key={i}
              type="button"
              className="pin-key"
              disabled={busy}
              aria-label={key === '⌫' ? t('pin.delete') : key}
              onClick={() => setDigits((d) => (key === '⌫' ? d.slice(0, -1) : d.length < length ? d + key : d))}
            >
              {key}
            </button>
          ),
        )}
      </div>
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
