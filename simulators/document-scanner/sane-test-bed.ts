import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleDocument } from './samples.js';
import type { DocumentScannerControl } from './simulated-document-scanner.js';

/**
 * The far end of the SANE driver in tests and the hardware loop: SANE's own `test` backend, a
 * real SANE device, enabled in a private configuration directory (SANE_CONFIG_DIR) so nothing
 * under /etc/sane.d needs root. What lies on the bed, the lid and the speed are the backend's own
 * options, written to that directory's test.conf; each `scanimage` reads them when it starts.
 * Unplugging removes `test` from dll.conf, so SANE no longer lists the device.
 */
export class SaneTestBed {
  /** The SANE device name the driver opens. */
  readonly device = 'test:0';
  private picture: 'document' | 'empty' = 'document';
  private coverOpen = false;
  private readDelayMs = 0;

  constructor(readonly configDir: string) {
    mkdirSync(configDir, { recursive: true });
    this.plug();
    this.write();
  }

  /** The environment `scanimage` needs to see this bed. */
  get env(): Record<string, string> {
    return { SANE_CONFIG_DIR: this.configDir };
  }

  plug(): void {
    writeFileSync(join(this.configDir, 'dll.conf'), 'test\n');
  }

  unplug(): void {
    writeFileSync(join(this.configDir, 'dll.conf'), '# the test backend is unplugged\n');
  }

  /** `document`: the backend's colour pattern; `empty`: a plain white lid. */
  setPicture(picture: 'document' | 'empty'): void {
    this.picture = picture;
    this.write();
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
    this.write();
  }

  /**
   * Slows every scan: the backend waits after each buffer it hands over (at most 200 ms each); a
   * whole-bed preview at 75 dpi is about 60 buffers, so it takes about `ms` (a stalled carriage:
   * anything above 12 s waits the most the backend allows).
   */
  setReadDelayMs(ms: number): void {
    this.readDelayMs = Math.max(0, ms);
    this.write();
  }

  private write(): void {
    const perBuffer = Math.min(200, Math.max(1, Math.round(this.readDelayMs / 60)));
    const lines = [
      'number_of_devices 1',
      'mode Color',
      'resolution 150',
      `test-picture "${this.picture === 'document' ? 'Color pattern' : 'Solid white'}"`,
      `read-delay ${this.readDelayMs > 0 ? 'true' : 'false'}`,
      `read-delay-duration ${perBuffer * 1000}`,
      `read-status-code "${this.coverOpen ? 'SANE_STATUS_COVER_OPEN' : 'Default'}"`,
    ];
    writeFileSync(join(this.configDir, 'test.conf'), `${lines.join('\n')}\n`);
  }
}

/**
 * The tester control API's document-scanner commands, applied to a SANE test bed (the hardware
 * loop): the test backend draws patterns only, so every sample document is "a document" (its
 * colour pattern) and `empty` is the white lid; glare has no equivalent and is only recorded.
 */
export function saneTestBedControl(bed: SaneTestBed): DocumentScannerControl {
  const state = { connected: true, latencyMs: 0, fault: null as string | null, document: 'empty' as SampleDocument, glare: false, coverOpen: false, stalled: false };
  const delay = (): void => bed.setReadDelayMs(state.stalled ? 60_000 : state.latencyMs);
  bed.setPicture('empty');
  return {
    disconnect: () => {
      state.connected = false;
      bed.unplug();
    },
    reconnect: () => {
      state.connected = true;
      bed.plug();
    },
    setLatencyMs: (ms) => {
      state.latencyMs = ms;
      delay();
    },
    setFault: (detail) => {
      // A fault the test backend can show: every scan fails as an I/O error would (SANE's own status codes).
      state.fault = detail;
      bed.setCoverOpen(detail !== null || state.coverOpen);
    },
    placeDocument: (document) => {
      state.document = document;
      bed.setPicture(document === 'empty' ? 'empty' : 'document');
    },
    setGlare: (glare) => {
      state.glare = glare;
    },
    setCoverOpen: (open) => {
      state.coverOpen = open;
      bed.setCoverOpen(open);
    },
    setStalled: (stalled) => {
      state.stalled = stalled;
      delay();
    },
    state: () => ({
      connected: state.connected,
      // The far end does not see the driver's side: "open" means plugged in.
      open: state.connected,
      status: state.connected ? { state: 'online' as const } : { state: 'offline' as const, detail: 'unplugged' },
      latencyMs: state.latencyMs,
      fault: state.fault,
      operations: [],
      document: state.document,
      glare: state.glare,
      coverOpen: state.coverOpen,
      stalled: state.stalled,
      scans: 0,
    }),
  };
}
