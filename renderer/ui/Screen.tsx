import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from './BackButton.js';
import { LanguageBar } from './LanguageBar.js';
import { StepIndicator } from './StepIndicator.js';

/**
 * The frame of every screen: a header with the bureau's name and languages, the content, the actions.
 * The content sits in the middle band of the screen, where a hand reaches, and scrolls there if it is
 * long; the actions keep one place on every screen (styles.css, "The actions"): Back and the other
 * secondary actions at the bottom left, the primary at the bottom right, whatever order a screen
 * lists them in. Back is the frame's own, shown where the host says going back is safe.
 */
export function Screen(props: { title: string; children?: ReactNode; actions?: ReactNode; showLanguages?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <header className="screen-header">
        <div className="brand">{t('app.bureau')}</div>
        <StepIndicator />
        {props.showLanguages !== false && <LanguageBar />}
      </header>
      {/* Focusable because it scrolls when the content is long: reachable by keyboard too. */}
      <main className="screen-body" tabIndex={0}>
        <div className="screen-content">
          <h1 className="screen-title">{props.title}</h1>
          {props.children}
        </div>
      </main>
      {props.actions && (
        <footer className="screen-actions">
          <BackButton />
          {props.actions}
        </footer>
      )}
    </div>
  );
}
