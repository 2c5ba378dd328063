import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { startConnection } from './app/connection.js';
import { initI18n } from './i18n/i18n.js';
import './ui/styles.css';

initI18n();
startConnection();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
