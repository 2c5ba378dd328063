/// <reference types="vite/client" />

/** A locale precompiled at build time (renderer/vite.config.ts, renderer/i18n/compile-messages.ts). */
declare module 'virtual:kiosk-locale/*' {
  // An ambient module can import nothing relative: the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const bundle: import('./i18n/compiled-messages.js').CompiledBundle;
  export default bundle;
}
