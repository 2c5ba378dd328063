/**
 * `use-sync-external-store/shim` for the renderer's build (renderer/vite.config.ts): react-i18next
 * imports the shim for React before 18; React 19 has the hook itself, which the shim would return.
 */
export { useSyncExternalStore } from 'react';
