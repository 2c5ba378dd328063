import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPinyinIndex } from './dictionary-data.js';
import type { PinyinIndex, Script } from './pinyin-index.js';
import keyboardMessages from 'virtual:kiosk-locale-section/keyboard';
import { addLocaleSection } from '../../../i18n/add-locale-section.js';

// Only lazy screens show these messages: not in the first paint's locale (renderer/i18n/lazy-sections.ts),
// they arrive with this chunk, in every language.
addLocaleSection('keyboard', keyboardMessages);

/** Candidates shown at once: eight keys of 64 px and the two paging keys fit the keyboard's width. */
const PAGE = 8;

export type Dictionary = { state: 'loading' } | { state: 'ready'; index: PinyinIndex } | { state: 'failed' };

/** The dictionary for `script`, loaded when Chinese entry is first turned on. */
export function usePinyinDictionary(script: Script | undefined): Dictionary | undefined {
  const [dictionary, setDictionary] = useState<Dictionary | undefined>(undefined);
  useEffect(() => {
    if (!script) return undefined;
    let live = true;
    setDictionary({ state: 'loading' });
    loadPinyinIndex(script).then(
      (index) => live && setDictionary({ state: 'ready', index }),
      () => live && setDictionary({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [script]);
  return dictionary;
}

/**
 * What is being typed in pinyin and the characters it can become, most common first, a page at a
 * time. Touching one types it into the field (`onChoose`); letters it did not take stay to spell on.
 */
export function PinyinCandidates(props: { script: Script; dictionary: Dictionary | undefined; typed: string; onChoose: (text: string, takes: number) => void }) {
  const { script, dictionary, typed, onChoose } = props;
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [typed]);
  const all = dictionary?.state === 'ready' && typed ? dictionary.index.choices(typed) : [];
  const shown = all.slice(page * PAGE, page * PAGE + PAGE);
  const keep = (event: { preventDefault(): void }) => event.preventDefault();
  return (
    <div className="pinyin" data-testid="pinyin">
      <p className="pinyin-typed" aria-live="polite" data-typed={typed}>
        {dictionary?.state === 'loading' ? t('keyboard.chineseLoading') : dictionary?.state === 'failed' ? t('keyboard.chineseFailed') : t('keyboard.pinyin', { typed: typed || '…' })}
      </p>
      {typed && dictionary?.state === 'ready' && all.length === 0 && <p className="pinyin-none">{t('keyboard.noCandidates')}</p>}
      {shown.length > 0 && (
        <div className="keyboard-row pinyin-candidates" role="group" aria-label={t('keyboard.candidates')}>
          <button type="button" className="keyboard-key" aria-label={t('keyboard.previousCandidates')} disabled={page === 0} onMouseDown={keep} onClick={() => setPage((p) => p - 1)}>
            ‹
          </button>
          {shown.map((candidate) => (
            <button key={candidate.text} type="button" className="keyboard-key candidate" lang={script === 'simplified' ? 'zh-Hans' : 'zh-Hant'} onMouseDown={keep} onClick={() => onChoose(candidate.text, candidate.takes)}>
              {candidate.text}
            </button>
          ))}
          <button type="button" className="keyboard-key" aria-label={t('keyboard.nextCandidates')} disabled={(page + 1) * PAGE >= all.length} onMouseDown={keep} onClick={() => setPage((p) => p + 1)}>
            ›
          </button>
        </div>
      )}
    </div>
  );
}
