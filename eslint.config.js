// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Folders by runtime, enforced here so CI catches a wrong import, not a reviewer (a folder's runtime is
 * what decides where code may run: the renderer in a sandboxed page, the host under plain Node):
 * - renderer/ is a view in a sandboxed page: no Electron, no Node built-ins, no device drivers;
 * - electron/host/ runs under plain Node too: it never imports `electron`;
 * - device contracts and simulators' devices are plain TypeScript: no Node built-ins.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const driverPackages = ['serialport', '@serialport/*', 'pcsclite', '@pokusew/pcsclite', 'nfc-pcsc', 'node-hid'];

const rendererRestrictions = {
  paths: [
    { name: 'electron', message: 'The renderer talks to the host through KioskApi only.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node APIs.' })),
  ],
  patterns: [
    { group: driverPackages, message: 'Device drivers live in the host, never in the renderer.' },
    { group: ['**/devices/**/drivers/**', '**/devices/hub/**', '**/simulators/**'], message: 'The renderer reaches devices only through KioskApi.' },
    {
      regex: 'electron/(?!shared/kiosk-api/|preload/api\\.js$|main/)',
      message: 'The renderer imports the KioskApi contract (electron/shared/kiosk-api/) and the preload bridge type, nothing else of the host or main process.',
    },
    { group: ['**/electron/main/**'], message: 'The renderer never imports the main process.' },
  ],
};

const notSimulators = { group: ['**/simulators/**'], message: 'devices/ never imports simulators/: choose in electron/host/hardware/compose.ts.' };
const plainTypeScript = (message) => nodeBuiltins.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'tests/artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A file a newcomer reads in one sitting: past 400 lines it holds more than one job. Split it.
    files: ['**/*.{ts,tsx,mts,js,mjs,cjs}'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', 'renderer/i18n/compiled-locales-plugin.ts'], // build tooling, runs in Node
    rules: { 'no-restricted-imports': ['error', rendererRestrictions] },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The kiosk host must run under plain Node: never import electron here.' }] }],
    },
  },
  {
    // Drivers and contracts never depend on simulators: the composition root puts them together.
    files: ['devices/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notSimulators] }] },
  },
  {
    files: ['devices/**/contract.ts', 'devices/errors.ts', 'devices/events.ts', 'devices/kinds.ts', 'devices/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: plainTypeScript('Device contracts are plain TypeScript.'), patterns: [notSimulators] }],
    },
  },
  {
    files: ['simulators/*/simulated-*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: plainTypeScript('Simulated devices are plain TypeScript.') }] },
  },
  {
    files: ['**/*.cjs', '**/*.cts'],
    languageOptions: { sourceType: 'commonjs' },
    // A sandboxed preload is CommonJS: `require('electron')` is the one way in.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
