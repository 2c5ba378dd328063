import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules are real only if ESLint reports them: lint a one-line file placed in each
 * folder and look for the rule's error.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? -1;
}

describe('import layering (eslint.config.js)', () => {
  it.each([
    "import { ipcRenderer } from 'electron';",
    "import { readFileSync } from 'node:fs';",
    "import { readFileSync } from 'fs';",
    "import { SerialPort } from 'serialport';",
    "import pcsclite from 'pcsclite';",
    "import HID from 'node-hid';",
    "import { x } from '../../devices/card-reader/drivers/pcsc-reader.js';",
    "import { x } from '../../simulators/index.js';",
    "import { createHost } from '../../electron/host/host.js';",
    "import { x } from '../../electron/main/window.js';",
  ])('refuses in renderer/: %s', async (line) => {
    expect(await restrictedImports('renderer/app/probe.ts', `${line}\nexport const y = 1;\n`)).toBe(1);
  });

  it.each([
    "import { kioskMethods } from '../../electron/shared/kiosk-api/contract.js';",
    "import { createKioskApi } from '../../electron/shared/kiosk-api/client.js';",
    "import { create } from 'zustand';",
  ])('allows in renderer/: %s', async (line) => {
    expect(await restrictedImports('renderer/app/probe.ts', `${line}\nexport const y = 1;\n`)).toBe(0);
  });

  it('keeps electron out of the kiosk host', async () => {
    expect(await restrictedImports('electron/host/probe.ts', "import { app } from 'electron';\nexport const y = app;\n")).toBe(1);
  });

  it('keeps simulators out of device drivers', async () => {
    expect(await restrictedImports('devices/card-reader/drivers/pcsc/probe.ts', "import { testPki } from '../../../../simulators/card-reader/virtual-card/test-pki.js';\nexport const y = testPki;\n")).toBe(1);
  });

  it('keeps Node built-ins out of device contracts', async () => {
    expect(await restrictedImports('devices/card-reader/contract.ts', "import { Socket } from 'node:net';\nexport type Y = Socket;\n")).toBe(1);
  });
});
