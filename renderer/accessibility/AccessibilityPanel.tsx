import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTINGS, useAccessibility } from './settings.js';

/**
 * The accessibility control: one button (same place on every screen) opening a panel of four
 * switches. Each switch says "On" or "Off" in words and with a mark, not by colour.
 */
export function AccessibilityButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    opener.current?.focus(); // back where the resident was
  };
  return (
    <>
      <button ref={opener} type="button" className="help-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        <span aria-hidden="true" className="help-icon">
          ♿
        </span>
        {t('a11y.open')}
      </button>
      {open && <AccessibilityPanel onClose={close} />}
    </>
  );
}

function AccessibilityPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useAccessibility();
  return (
    <div className="overlay overlay-bottom">
      <div className="dialog a11y-panel" role="dialog" aria-modal="true" aria-labelledby="a11y-title" aria-describedby="a11y-hint">
        <h2 id="a11y-title">{t('a11y.title')}</h2>
        <p id="a11y-hint">{t('a11y.hint')}</p>
        <div className="a11y-switches">
          {SETTINGS.map((setting) => (
            <button key={setting} type="button" className="a11y-switch" aria-pressed={settings[setting]} data-setting={setting} onClick={() => settings.toggle(setting)}>
              <span className="a11y-switch-label">{t(`a11y.${setting}`)}</span>
              <span className="a11y-switch-state" aria-hidden="true">
                {settings[setting] ? `✓ ${t('a11y.on')}` : `✕ ${t('a11y.off')}`}
              </span>
            </button>
          ))}
        </div>
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          {t('a11y.close')}
        </button>
      </div>
    </div>
  );
}
