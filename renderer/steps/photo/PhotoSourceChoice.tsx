import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import '../common/common-steps.css';
import { modeOf, type PhotoSourceKind, type SourceMode } from './photo-capture-machine.js';

/** The label and the one-line explanation of each source, in the order the step lists them. */
const WORDS = {
  live: { label: 'photo.choose.live', detail: 'photo.choose.liveDetail' },
  'one-account-id-photo': { label: 'photo.useMyPhoto', detail: 'photo.choose.myPhotoDetail' },
  'scanned-photo': { label: 'photo.scan.offer', detail: 'photo.choose.scanDetail' },
} as const satisfies Record<PhotoSourceKind, { label: string; detail: string }>;

/**
 * Where the step offers more than one photo source (the non-permanent renewal's leaflet lets the
 * applicant choose the live photo or the 一戶通 "My Photo"), the resident picks one first. Only the
 * sources the host offers are listed; the host refuses any other (`invalid-choice`).
 */
export function PhotoSourceChoice({ sources, onChoose }: { sources: readonly PhotoSourceKind[]; onChoose: (mode: SourceMode) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="photo-choose-title">
      <h2 id="photo-choose-title" className="subheading">
        {t('photo.choose.title')}
      </h2>
      <div className="option-list">
        {sources.map((source) => (
          <Button
            key={source}
            variant="secondary"
            className="option-button"
            data-source={source}
            // The name is the label alone; the explanation is its description.
            aria-labelledby={`photo-source-${source}-label`}
            aria-describedby={`photo-source-${source}`}
            onClick={() => onChoose(modeOf(source))}
          >
            <span id={`photo-source-${source}-label`}>{t(WORDS[source].label)}</span>
            <span className="option-detail" id={`photo-source-${source}`}>
              {t(WORDS[source].detail)}
            </span>
          </Button>
        ))}
      </div>
    </section>
  );
}
