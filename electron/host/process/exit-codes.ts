/**
 * How the browser-mode host exits, for its service manager (scripts/systemd/dsi-kiosk-host.service):
 * 0 stopped on request; 1 failed to start; 70 a fault while running, journaled first
 * (fatal-handler.ts); 73 another host holds the state directory; 78 a refusal someone must fix
 * before a restart can help (bad configuration, missing or wrong journal key, a journal from a newer
 * host): the unit's `RestartPreventExitStatus`.
 */
export const EXIT_FAILED_TO_START = 1;
export const EXIT_HOST_LOCKED = 73;
export const EXIT_FIX_FIRST = 78;

/** The exit code for a start-up error, by its stable code. */
export function exitCodeFor(code: unknown): number {
  if (code === 'host-locked') return EXIT_HOST_LOCKED;
  if (typeof code === 'string' && (code === 'config-invalid' || code === 'journal-schema' || code.startsWith('journal-key-'))) return EXIT_FIX_FIRST;
  return EXIT_FAILED_TO_START;
}
