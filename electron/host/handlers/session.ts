import type { KioskHandlers } from '../bridge/server.js';
import type { SessionManager } from '../sessions/session-manager.js';

type SessionHandlers = Pick<KioskHandlers, 'session.start' | 'session.setLanguage' | 'session.touch' | 'session.end'>;

export function sessionHandlers(sessions: SessionManager): SessionHandlers {
  return {
    'session.start': async ({ language }) => sessions.start(language),
    'session.setLanguage': async ({ language }) => sessions.setLanguage(language),
    'session.touch': async () => sessions.touch(),
    'session.end': async ({ reason }) => {
      sessions.end(reason);
      return {};
    },
  };
}
