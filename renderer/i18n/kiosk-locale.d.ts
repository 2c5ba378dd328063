/** A locale precompiled at build time (compiled-locales-plugin.ts, compile-messages.ts). Its own file so the
 * tests' typecheck, which runs the renderer's i18n, has it too (tsconfig.tests.json). */
declare module 'virtual:kiosk-locale/*' {
  // An ambient module can import nothing relative: the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const bundle: import('./compiled-messages.js').CompiledBundle;
  export default bundle;
}

/** A section only lazy code reads (lazy-sections.ts), in every language: `{ <lang>: messages }`. */
declare module 'virtual:kiosk-locale-section/*' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const messages: Readonly<Record<import('../../electron/shared/kiosk-api/contract.js').Language, import('./compiled-messages.js').CompiledBundle>>;
  export default messages;
}
