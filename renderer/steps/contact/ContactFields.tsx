import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactDetailsSchema } from '../../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../../state/kiosk-store.js';
import { Button } from '../../ui/Button.js';
import { KeyboardField, OnScreenKeyboard } from '../../ui/keyboard/OnScreenKeyboard.js';
import type { ContactDetailsInput } from './contact-types.js';

export type FieldId = 'phone' | 'address' | 'occupation' | 'emergencyName' | 'emergencyPhone';
type Group = 'phone' | 'address' | 'occupation' | 'emergency';
const GROUPS: readonly Group[] = ['phone', 'address', 'occupation', 'emergency'];
const FIELDS_OF: Record<Group, FieldId[]> = { phone: ['phone'], address: ['address'], occupation: ['occupation'], emergency: ['emergencyName', 'emergencyPhone'] };
const PHONE_FIELDS: ReadonlySet<FieldId> = new Set(['phone', 'emergencyPhone']);
const MAX: Record<FieldId, number> = { phone: 16, emergencyPhone: 16, address: 160, occupation: 60, emergencyName: 80 };

type ErrorKey = 'phone' | 'text' | 'required';

/** Which field a schema issue is about. */
function fieldOf(path: readonly PropertyKey[]): FieldId | undefined {
  if (path[0] === 'emergencyContact') return path[1] === 'phone' ? 'emergencyPhone' : 'emergencyName';
  return path[0] === 'phone' || path[0] === 'address' || path[0] === 'occupation' ? path[0] : undefined;
}

/**
 * Choose which details to change (only those), type them on the on-screen keyboard, and check them
 * against the host's own schema before going on: a wrong phone number is explained in place and
 * nothing typed is lost.
 */
export function ContactFields({ initial, onDone }: { initial: { chosen: Group[]; values: Record<FieldId, string> }; onDone: (details: ContactDetailsInput, state: { chosen: Group[]; values: Record<FieldId, string> }) => void }) {
  const { t } = useTranslation();
  const language = useKiosk((s) => s.language);
  const [chosen, setChosen] = useState<Group[]>(initial.chosen);
  const [values, setValues] = useState<Record<FieldId, string>>(initial.values);
  const [active, setActive] = useState<FieldId | undefined>(initial.chosen.length > 0 ? FIELDS_OF[initial.chosen[0] as Group][0] : undefined);
  const [errors, setErrors] = useState<Partial<Record<FieldId, ErrorKey>>>({});
  const [nothing, setNothing] = useState(false);

  const toggle = (group: Group) => {
    setNothing(false);
    setChosen((list) => {
      const next = list.includes(group) ? list.filter((g) => g !== group) : GROUPS.filter((g) => g === group || list.includes(g));
      setActive(next.includes(group) ? FIELDS_OF[group][0] : next.length > 0 ? FIELDS_OF[next[0] as Group][0] : undefined);
      return next;
    });
  };
  const set = (field: FieldId, value: string) => {
    setValues((v) => ({ ...v, [field]: value.slice(0, MAX[field]) }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = () => {
    if (chosen.length === 0) return setNothing(true);
    const details: Record<string, unknown> = {};
    if (chosen.includes('phone')) details.phone = values.phone.trim();
    if (chosen.includes('address')) details.address = values.address;
    if (chosen.includes('occupation')) details.occupation = values.occupation;
    if (chosen.includes('emergency')) details.emergencyContact = { name: values.emergencyName, phone: values.emergencyPhone.trim() };
    const parsed = ContactDetailsSchema.safeParse(details);
    if (parsed.success) return onDone(parsed.data, { chosen, values });
    const found: Partial<Record<FieldId, ErrorKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (!field || found[field]) continue;
      const empty = values[field].trim() === '';
      found[field] = empty ? 'required' : PHONE_FIELDS.has(field) ? 'phone' : 'text';
    }
    setErrors(found);
    const first = (Object.keys(found) as FieldId[])[0];
    if (first) setActive(first);
  };

  const field = (id: FieldId) => (
    <KeyboardField
      key={id}
      id={`contact-${id}`}
      label={t(`contact.fields.${id}`)}
      value={values[id]}
      active={active === id}
      onActivate={() => setActive(id)}
      onChange={(value) => set(id, value)}
      maxLength={MAX[id]}
      hint={PHONE_FIELDS.has(id) ? t('contact.hints.phone') : id === 'address' ? t('contact.hints.address') : undefined}
      error={errors[id] ? t(`contact.errors.${errors[id]}`) : undefined}
    />
  );

  return (
    <>
      <p className="lead">{t('contact.chooseFields')}</p>
      <div className="field-toggles" role="group" aria-label={t('contact.chooseFields')}>
        {GROUPS.map((group) => (
          <Button key={group} variant="secondary" className="field-toggle" aria-pressed={chosen.includes(group)} onClick={() => toggle(group)}>
            {chosen.includes(group) && <span aria-hidden="true">✓ </span>}
            {t(`contact.groups.${group}`)}
          </Button>
        ))}
      </div>
      {nothing && (
        <p className="error" role="alert">
          {t('contact.errors.nothingChosen')}
        </p>
      )}
      <div className="own-data-layout">
        <div className="own-data-fields">{chosen.flatMap((group) => FIELDS_OF[group].map(field))}</div>
        {active && (
          <OnScreenKeyboard
            key={active}
            layout={PHONE_FIELDS.has(active) ? 'phone' : 'text'}
            // An address may be written in Chinese: by pinyin, in the resident's script (Traditional unless zh-Hans).
            chinese={active === 'address' ? (language === 'zh-Hans' ? 'simplified' : 'traditional') : undefined}
            onInput={(text) => set(active, values[active] + text)}
            onDelete={() => set(active, values[active].slice(0, -1))}
          />
        )}
      </div>
      <div>
        <Button onClick={submit}>{t('contact.next')}</Button>
      </div>
    </>
  );
}
