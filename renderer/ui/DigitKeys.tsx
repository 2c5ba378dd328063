import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', '⌫'] as const;

/** What a key press asks for: one more digit, or taking the last one away. */
export type DigitKey = { digit: string } | { delete: true };

/**
 * The touchscreen's 3×4 digit keys (PIN, receipt number, ID number): large targets, a labelled
 * delete key. The caller keeps the digits and decides what a press does to them.
 */
export function DigitKeys({ variant, busy = false, onKey }: { variant: 'pin' | 'keypad'; busy?: boolean; onKey: (key: DigitKey) => void }) {
  const { t } = useTranslation();
  return (
    <div className={`${variant}-keys`}>
      {KEYS.map((key, i) =>
        key === '' ? (
          <span key={i} />
        ) : (
          <button
            key={i}
            type="button"
            className={`${variant}-key`}
            disabled={busy}
            aria-label={key === '⌫' ? t('pin.delete') : key}
            onClick={() => onKey(key === '⌫' ? { delete: true } : { digit: key })}
          >
            {key}
          </button>
        ),
      )}
    </div>
  );
}

/** The digits after a key press, at most `max` of them. */
export function pressDigit(digits: string, key: DigitKey, max: number): string {
  if ('delete' in key) return digits.slice(0, -1);
  return digits.length < max ? digits + key.digit : digits;
}
