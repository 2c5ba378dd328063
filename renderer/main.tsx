import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { startConnection } from './app/connection.js';
import { initI18n } from './i18n/i18n.js';
import './ui/styles.css';
import './accessibility/accessibility.css';
import { startAccessibility } from './accessibility/settings.js';
import { startFaceDetectorWarmUp } from './biometrics/warm-up.js';

initI18n();
startAccessibility();
// The speaker reads screens aloud once they are shown: a chunk of its own, loaded right after the
// first paint rather than before it (issue 20, the entry chunk). It reads the screen already shown.
void import('./speech/speaker.js').then(({ startSpeaker }) => startSpeaker());
startConnection();
startFaceDetectorWarmUp();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
