import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.js';
import { Screen } from '../ui/Screen.js';
import { BundlePanel } from './BundlePanel.js';
import { CountersPanel } from './CountersPanel.js';
import { DevicesPanel } from './DevicesPanel.js';
import { LogPanel } from './LogPanel.js';
import { leaveMaintenance, noteTechnicianActivity } from './maintenance-flow.js';
import { PendingPanel } from './PendingPanel.js';
import { StaffCallsPanel } from './StaffCallsPanel.js';

/** The technician's tools, one section at a time (a touch screen has no room for all at once). */
const SECTIONS = ['devices', 'counters', 'pending', 'calls', 'log', 'bundle'] as const;
type Section = (typeof SECTIONS)[number];

export function MaintenanceTools({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('devices');
  return (
    <div className="maintenance" onPointerDownCapture={noteTechnicianActivity}>
      <Screen title={t('maintenance.title')} actions={<Button onClick={() => void leaveMaintenance()}>{t('maintenance.leave')}</Button>}>
        <p className="lead" data-testid="maintenance-staff">
          {t('maintenance.staff', { staffId })} · {t('maintenance.idleEnds')}
        </p>
        <nav className="maintenance-sections" aria-label={t('maintenance.sectionsLabel')}>
          {SECTIONS.map((name) => (
            <Button key={name} variant={name === section ? 'primary' : 'secondary'} aria-pressed={name === section} onClick={() => setSection(name)}>
              {t(`maintenance.sections.${name}`)}
            </Button>
          ))}
        </nav>
        {section === 'devices' && <DevicesPanel />}
        {section === 'counters' && <CountersPanel />}
        {section === 'pending' && <PendingPanel />}
        {section === 'calls' && <StaffCallsPanel />}
        {section === 'log' && <LogPanel />}
        {section === 'bundle' && <BundlePanel />}
      </Screen>
    </div>
  );
}
