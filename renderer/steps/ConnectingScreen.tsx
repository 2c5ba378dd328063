import { useTranslation } from 'react-i18next';

export function ConnectingScreen({ problem }: { problem?: 'unreachable' | 'no-token' | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="screen screen-centred" role="status" aria-live="polite">
      <h1 className="screen-title">{t('connecting.title')}</h1>
      <p className="lead">{problem === 'no-token' ? t('connecting.noToken') : t('connecting.wait')}</p>
    </div>
  );
}
