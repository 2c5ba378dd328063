import type { KioskHandlers } from '../bridge/server.js';
import type { StaffCalls } from '../staff/staff-calls.js';

/** `staff.call`: records the call (kiosk id, time, screen) and answers its id for the confirmation. */
export function staffHandlers(calls: StaffCalls): Pick<KioskHandlers, 'staff.call'> {
  return {
    'staff.call': async ({ screen }) => {
      const { callId, calledAt } = calls.call(screen);
      return { callId, calledAt };
    },
  };
}
