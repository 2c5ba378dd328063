import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import type { SerialReceiptPrinter } from '../../../devices/receipt-printer/drivers/serial-receipt-printer.js';
import type { SerialPrinterPeer } from '../../../simulators/receipt-printer/serial-printer-peer.js';
import { buildApplicationReceipt } from '../../../electron/host/receipts/application-receipt.js';
import { expectDeviceError } from '../../contracts/shared/helpers.js';
import { PAID_RENEWAL, SAMPLE_RECEIPT_NUMBER, sampleReceiptFacts } from '../../helpers/receipt-facts.js';
import { hubReports, hubWith } from './hub.js';
import { type PeerRig, startPrinterPeer, statusReaches } from './peers.js';

// jsqr is CommonJS with an `exports.default`: under NodeNext the default import is that module object.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts/receipts');
/**
 * The receipt the kiosk prints at the end of a paid permanent renewal, built by the host's own
 * builder: the sample on paper (tests/artifacts/receipts/renewal-receipt.txt) is the real layout.
 */
const RECEIPT: Receipt = buildApplicationReceipt(sampleReceiptFacts(PAID_RENEWAL));

let rig: PeerRig<SerialReceiptPrinter, SerialPrinterPeer> | undefined;
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

async function open(): Promise<PeerRig<SerialReceiptPrinter, SerialPrinterPeer>> {
  rig = await startPrinterPeer();
  await rig.device.open();
  return rig;
}

describe('receipt printer over a pty: ESC/POS end to end', () => {
  it('prints the renewal receipt (Chinese and Portuguese, masked applicant, logo, QR); the rendered PNG’s QR holds the receipt number', async () => {
    const { device, peer } = await open();
    await device.print(RECEIPT);
    const [printed] = peer.control.printed();
    if (!printed) throw new Error('nothing printed');
    expect(printed.text).toContain('身份證明局');
    expect(printed.text).toContain(`收據編號 N.º do recibo: ${SAMPLE_RECEIPT_NUMBER}`);
    expect(printed.text).toContain('費用 Taxa: MOP 90.00');
    expect(printed.text).toContain('陳*文 CHAN T. M.');
    expect(printed.text).not.toContain('？'); // every character reached the paper (Big5 in Kanji mode)
    expect(printed.text).toMatch(/\[image 384x96\]/);
    expect(printed.receipt.lines).toContainEqual({ kind: 'qr', data: SAMPLE_RECEIPT_NUMBER });

    const png = await printed.png();
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'renewal-receipt.png'), png);
    writeFileSync(join(ARTIFACTS, 'renewal-receipt.txt'), printed.text);
    const image = PNG.sync.read(png);
    expect(image.width).toBe(576);
    const qr = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
    expect(qr?.data).toBe(SAMPLE_RECEIPT_NUMBER);
    // The logo is on the paper: dark dots in its band near the top.
    let dark = 0;
    for (let y = 10; y < 100; y++) for (let x = 96; x < 480; x++) if ((image.data[(y * image.width + x) * 4] ?? 255) < 128) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('reports each paper state through real-time status, and refuses to print without paper or with the cover open', async () => {
    const { device, peer } = await open();
    for (const [paper, detail] of [['near-end', 'paper-near-end'], ['out', 'paper-out'], ['cover-open', 'cover-open']] as const) {
      peer.control.setPaper(paper);
      await statusReaches(device, (s) => s.detail === detail);
      expect(device.paperState()).toBe(paper);
    }
    await expectDeviceError(device.print(RECEIPT), 'user-action-needed', 'cover-open');
    peer.control.setPaper('out');
    await expectDeviceError(device.print(RECEIPT), 'user-action-needed', 'paper-out');
    expect(peer.control.printed()).toEqual([]);
    peer.control.setPaper('near-end');
    await device.print(RECEIPT);
    expect(peer.control.printed()).toHaveLength(1);
    peer.control.setPaper('ok');
    await statusReaches(device, (s) => s.state === 'online');
  });

  it('a printer error bit shows as degraded and fails the self-test', async () => {
    const { device, peer } = await open();
    peer.control.setFault('cutter-jam');
    await statusReaches(device, (s) => s.detail === 'printer-error');
    expect((await device.selfTest()).checks).toContainEqual({ name: 'mechanism', passed: false, detail: 'printer-error' });
  });

  it('ignores line noise between status answers', async () => {
    const { device, peer } = await open();
    await peer.control.sendGarbage();
    await device.print(RECEIPT);
    expect(device.noise).toBeGreaterThan(0);
    expect(peer.control.printed()).toHaveLength(1);
  });

  it('unplugged goes offline; plugged back the hub reconnects it and it prints again', async () => {
    rig = await startPrinterPeer();
    const { device, peer } = rig;
    const { hub } = hubWith('receipt-printer', device);
    await hub.start();
    await hubReports(hub, 'receipt-printer', 'online');
    await peer.control.disconnect();
    await hubReports(hub, 'receipt-printer', 'offline');
    await expectDeviceError(device.print(RECEIPT), 'not-connected');
    await peer.control.reconnect();
    await hubReports(hub, 'receipt-printer', 'online');
    await device.print(RECEIPT);
    expect(peer.control.printed()).toHaveLength(1);
    await hub.stop();
  });
});
