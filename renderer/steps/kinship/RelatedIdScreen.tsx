import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidCardNumber } from '../../../devices/card-reader/card-number.js';
import { stepDone } from '../../flows/service-flow.js';
import { Button } from '../../ui/Button.js';
import { CancelVisitButton } from '../../ui/CancelVisitButton.js';
import { DigitKeys, pressDigit } from '../../ui/DigitKeys.js';
import { Screen } from '../../ui/Screen.js';
import type { StepProps } from '../flow/step-props.js';
import '../photo/capture.css';
import './kinship.css';

type Relation = StepProps<'enter-related-id'>['step']['relations'][number];

/** `12345678` → `1234567(8)`; fewer digits show as typed with blanks. */
function shown(digits: string): string {
  const serial = digits.slice(0, 7).padEnd(7, '_');
  return `${serial}(${digits[7] ?? '_'})`;
}

/**
 * Kinship verification: which relation, and the related person's ID number typed on the keypad
 * (7 digits and the check digit). A wrong check digit is said at once and the digits stay, so the
 * resident corrects one digit instead of typing all again; the host checks the number again.
 */
export function RelatedIdScreen({ step, request }: StepProps<'enter-related-id'>) {
  const { t } = useTranslation();
  const [relation, setRelation] = useState<Relation | undefined>(step.relations.find((r) => r === request.verifyRelation));
  const [digits, setDigits] = useState(request.relatedCardNumber?.replace(/\D/g, '') ?? '');
  const [invalid, setInvalid] = useState(false);
  const complete = digits.length === 8;
  const cardNumber = `${digits.slice(0, 7)}(${digits.slice(7)})`;
  const confirm = () => {
    if (!relation || !complete) return;
    if (!isValidCardNumber(cardNumber)) return setInvalid(true);
    void stepDone('enter-related-id', { request: { verifyRelation: relation, relatedCardNumber: cardNumber } });
  };
  return (
    <Screen
      title={t('kinship.verifyTitle')}
      actions={
        <>
          <CancelVisitButton />
          <Button disabled={!relation || !complete} onClick={confirm}>
            {t('greeting.continue')}
          </Button>
        </>
      }
    >
      <h2 className="subheading">{t('kinship.verifyRelation')}</h2>
      <div className="toggle-grid">
        {step.relations.map((option) => (
          <Button key={option} variant="secondary" aria-pressed={relation === option} data-relation={option} onClick={() => setRelation(option)}>
            {t(`kinship.relations.${option}`)}
          </Button>
        ))}
      </div>
      <h2 className="subheading" id="related-id-label">
        {t('kinship.relatedId')}
      </h2>
      <p className="id-display" role="status" aria-labelledby="related-id-label" data-testid="related-id">
        {shown(digits)}
      </p>
      {invalid && (
        <p className="error" role="alert">
          {t('kinship.invalidId')}
        </p>
      )}
      <DigitKeys
        variant="pin"
        onKey={(key) => {
          setInvalid(false);
          setDigits((d) => pressDigit(d, key, 8));
        }}
      />
    </Screen>
  );
}
