import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageBar } from './LanguageBar.js';
import { StepIndicator } from './StepIndicator.js';

/** The frame of every screen: a header with the bureau's name and languages, the content, the actions. */
export function Screen(props: { title: string; children?: ReactNode; actions?: ReactNode; showLanguages?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <header className="screen-header">
        <div className="brand">{t('app.bureau')}</div>
        <StepIndicator />
        {props.showLanguages !== false && <LanguageBar />}
      </header>
      <main className="screen-body">
        <h1 className="screen-title">{props.title}</h1>
        {props.children}
      </main>
      {props.actions && <footer className="screen-actions">{props.actions}</footer>}
    </div>
  );
}
