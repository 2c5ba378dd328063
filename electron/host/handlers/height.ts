import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { EventName, EventPayload } from '../../shared/kiosk-api/contract.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { SessionManager } from '../sessions/session-manager.js';

/**
 * How long the gauge waits for a stable reading. The screen starts measuring as soon as it opens,
 * so this covers walking to the gauge and stepping on, not only standing still.
 */
export const HEIGHT_TIMEOUT_MS = 45_000;

export interface HeightHandlerDeps {
  sessions: SessionManager;
  hub: DeviceHub;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

/**
 * Measuring the resident's height on the gauge. While the call waits, the gauge's prompts (step on,
 * stand straight and still, measuring, step off) go out live as `height.prompt`, for this call only.
 */
export function heightHandlers({ sessions, hub, emit }: HeightHandlerDeps): Pick<KioskHandlers, 'height.measure'> {
  return {
    'height.measure': async (_params, { signal }) => {
      const session = sessions.require();
      const gauge = hub.get('height-gauge');
      const off = gauge.on('prompt', ({ prompt }) => emit('height.prompt', { prompt }));
      try {
        const measured = await gauge.measure({ timeoutMs: HEIGHT_TIMEOUT_MS }, AbortSignal.any([signal, session.signal]));
        // Kept in the session: the application carries the host's reading, not a figure from the screen.
        session.setHeight(measured.heightMm);
        return { heightMm: measured.heightMm };
      } finally {
        off();
      }
    },
  };
}
