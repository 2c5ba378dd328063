import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dictionary, PinyinCandidates, usePinyinDictionary } from './chinese/PinyinCandidates.js';
import type { Script } from './chinese/pinyin-index.js';
import './keyboard.css';
import keyboardMessages from 'virtual:kiosk-locale-section/keyboard';
import { addLocaleSection } from '../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('keyboard', keyboardMessages);

/**
 * What a field needs typed: `digits` (a date, a number), `phone` (digits and the "+" of a country
 * code), `text` (Latin letters with the Portuguese accents, digits, space and an address's
 * punctuation). A `text` keyboard given `chinese` also types Chinese by pinyin (chinese/), in
 * that script: the letters spell the pinyin, the candidates type the characters.
 */
export type KeyboardLayout = 'digits' | 'phone' | 'text';

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']] as const;
const TEXT_ROWS = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
  ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', "'"],
  ['Z', 'X', 'C', 'V', 'B', 'N', 'M', ',', '.', '-'],
  // Portuguese: Macau's street names are Portuguese (Avenida de Almeida Ribeiro, Rua de São Paulo).
  ['Á', 'À', 'Â', 'Ã', 'Ç', 'É', 'Ê', 'Í', 'Ó', 'Ô', 'Õ', 'Ú'],
] as const;

/**
 * A touch keyboard for the kiosk (no physical keyboard): each key adds its character to the field
 * the resident is filling in (`onInput`), `⌫` removes the last one. Keys are real buttons with
 * names, so a screen reader says "Delete", "Space", "Shift" rather than the symbol.
 */
export function OnScreenKeyboard(props: { layout: KeyboardLayout; onInput: (text: string) => void; onDelete: () => void; chinese?: Script | undefined }) {
  const { layout, onDelete, chinese } = props;
  const { t } = useTranslation();
  const [upper, setUpper] = useState(true);
  const [chineseOn, setChineseOn] = useState(false);
  const [typed, setTyped] = useState('');
  const dictionary: Dictionary | undefined = usePinyinDictionary(chinese && chineseOn ? chinese : undefined);
  const composing = chinese !== undefined && chineseOn;
  const choose = (text: string, takes: number) => {
    setTyped((now) => now.slice(takes));
    props.onInput(text);
  };
  /** In Chinese entry a letter spells pinyin and the space takes the first candidate; anything else is typed as it is. */
  const onInput = (value: string) => {
    if (composing && /^[a-z]$/i.test(value)) return setTyped((now) => (now + value.toLowerCase()).slice(0, 24));
    if (composing && value === ' ' && typed) {
      const first = dictionary?.state === 'ready' ? dictionary.index.choices(typed, 1)[0] : undefined;
      return first ? choose(first.text, first.takes) : undefined;
    }
    setTyped('');
    props.onInput(value);
  };
  const deleteOne = () => (composing && typed ? setTyped((now) => now.slice(0, -1)) : onDelete());
  const key = (value: string, label?: string, className = '') => (
    <button
      key={value}
      type="button"
      className={`keyboard-key ${className}`}
      aria-label={label}
      // Keep the field's focus (and its caret) where it is while the key is pressed.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onInput(value)}
    >
      {className.startsWith('space') ? label : value}
    </button>
  );
  const del = (
    <button key="delete" type="button" className="keyboard-key wide" aria-label={t('keyboard.delete')} onMouseDown={(e) => e.preventDefault()} onClick={deleteOne}>
      ⌫
    </button>
  );
  if (layout !== 'text') {
    return (
      <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
        {DIGIT_ROWS.map((row, i) => (
          <div className="keyboard-row" key={i}>
            {row.map((d) => key(d))}
          </div>
        ))}
        <div className="keyboard-row">
          {layout === 'phone' ? key('+', t('keyboard.plus')) : <span className="keyboard-key" style={{ visibility: 'hidden' }} aria-hidden="true" />}
          {key('0')}
          {del}
        </div>
      </div>
    );
  }
  const shown = (value: string) => (upper && !composing ? value : value.toLocaleLowerCase('pt'));
  return (
    <div className="keyboard" role="group" aria-label={t('keyboard.label')}>
      {composing && <PinyinCandidates script={chinese} dictionary={dictionary} typed={typed} onChoose={choose} />}
      {TEXT_ROWS.map((row, i) => (
        <div className="keyboard-row" key={i}>
          {row.map((value) => key(shown(value)))}
        </div>
      ))}
      <div className="keyboard-row">
        {chinese && (
          <button
            type="button"
            className="keyboard-key wide"
            aria-pressed={chineseOn}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setTyped('');
              setChineseOn((on) => !on);
            }}
          >
            {t('keyboard.chinese')}
          </button>
        )}
        <button
          type="button"
          className="keyboard-key wide"
          disabled={composing}
          aria-pressed={upper}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setUpper((u) => !u)}
        >
          {t('keyboard.capitals')}
        </button>
        {key('/')}
        {key('#')}
        {key(' ', t('keyboard.space'), chinese ? 'space narrow' : 'space')}
        {key('(')}
        {key(')')}
        {del}
      </div>
    </div>
  );
}

/**
 * A labelled field filled from the on-screen keyboard. The native keyboard is suppressed
 * (`inputMode="none"`); a hardware keyboard still types, for a technician. Errors are announced.
 */
export function KeyboardField(props: {
  id: string;
  label: string;
  value: string;
  active: boolean;
  onActivate: () => void;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  maxLength?: number;
}) {
  const { id, label, value, active, onActivate, onChange, error, hint, maxLength } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="keyboard-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={active ? 'active' : undefined}
        value={value}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onFocus={onActivate}
        onClick={onActivate}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
