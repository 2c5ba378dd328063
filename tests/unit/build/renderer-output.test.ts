import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The built renderer must hold no Node or driver code: the lint rule stops the import, this test
 * checks what actually ships. `npm test` builds before it runs; a missing build fails here.
 */
const assets = join(process.cwd(), 'dist/renderer/assets');

const FORBIDDEN: Array<[string, RegExp]> = [
  ['a CommonJS require', /\brequire\(\s*["']/],
  ['an import of a Node built-in', /(?:from|import\()\s*["'](?:node:[a-z_/]+|fs|path|net|child_process|os|crypto|http|stream)["']/],
  ['Electron IPC', /ipcRenderer|ipcMain|contextBridge/],
  ['a serial driver', /serialport|SerialPort|@serialport/],
  ['a PC/SC driver', /pcsclite|SCardEstablishContext/],
  ['a HID driver', /node-hid|HID\.HID\b/],
  ['Node process APIs', /child_process|readFileSync|process\.binding/],
  ['the kiosk host', /createHost|DeviceHub|SessionManager/],
  ['a simulator', /createSimulators|SimulatedCardReader/],
];

describe('built renderer (dist/renderer)', () => {
  it('exists', () => {
    expect(existsSync(assets), 'run `npm run build` first').toBe(true);
  });

  const files = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : [];

  it('has JavaScript to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(FORBIDDEN)('contains no %s', (_what, pattern) => {
    for (const file of files) {
      const text = readFileSync(join(assets, file), 'utf8');
      const match = pattern.exec(text);
      expect(match ? `${file}: …${text.slice(Math.max(0, match.index - 40), match.index + 60)}…` : null).toBeNull();
    }
  });

  // The face analyser's backend (renderer/biometrics/face-analyzer.ts) compiles these from the app
  // itself: missing, TensorFlow.js would fall back to the CPU backend (10 to 30 times slower here).
  it.each(['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'])('ships TensorFlow.js\'s %s (WebAssembly)', (name) => {
    const file = join(assets, '../tfjs', name);
    expect(existsSync(file), `${name} not in dist/renderer/tfjs`).toBe(true);
    expect([...readFileSync(file).subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
  });
});
