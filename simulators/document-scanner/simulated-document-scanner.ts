import type { DeviceStatus, SelfTestResult } from '../../devices/contract.js';
import type {
  DocumentScanner,
  DocumentScannerCapabilities,
  DocumentScannerEvents,
  ScannedImage,
  ScanRequest,
} from '../../devices/document-scanner/contract.js';
import { checkScanRequest, isBlankScan } from '../../devices/document-scanner/scan-limits.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';
import { renderScan } from './render.js';
import { type RgbPicture, SAMPLE_DOCUMENTS, type SampleDocument } from './samples.js';

export interface DocumentScannerOptions extends SimulatorOptions {
  /**
   * The picture printed on the sample photo prints (the e2e tests give a real face); drawn when
   * absent. A loader is called at the first scan (decoding it at start would slow the host's start).
   */
  face?: RgbPicture | (() => Promise<RgbPicture | undefined>);
}

export interface DocumentScannerControl extends BaseSimulatorControl {
  /** Lays a sample document on the bed (`empty` clears it). */
  placeDocument(document: SampleDocument): void;
  /** A glossy print that reflects the scanner's lamp across the face. */
  setGlare(glare: boolean): void;
  setCoverOpen(open: boolean): void;
  /** The scanner's carriage hangs: scans wait until they time out. */
  setStalled(stalled: boolean): void;
  state(): DocumentScannerSimState;
}

export interface DocumentScannerSimState extends BaseSimulatorState {
  document: SampleDocument;
  glare: boolean;
  coverOpen: boolean;
  stalled: boolean;
  scans: number;
}

const CAPABILITIES: DocumentScannerCapabilities = {
  resolutions: [75, 150, 300, 600],
  modes: ['colour', 'grey'],
  // An A4 flatbed.
  bed: { widthMm: 216, heightMm: 297 },
};

export class SimulatedDocumentScanner
  extends SimulatedDevice<DocumentScannerEvents, DocumentScannerCapabilities>
  implements DocumentScanner
{
  readonly control: DocumentScannerControl;
  private document: SampleDocument = 'empty';
  private glare = false;
  private coverOpen = false;
  private stalled = false;
  private scans = 0;
  private readonly face: RgbPicture | (() => Promise<RgbPicture | undefined>) | undefined;
  private faceLoaded: Promise<RgbPicture | undefined> | undefined;

  constructor(options: DocumentScannerOptions = {}) {
    super('document-scanner', options);
    this.face = options.face;
    this.control = {
      ...this.baseControl(),
      placeDocument: (document) => {
        if (!SAMPLE_DOCUMENTS.includes(document)) throw new TypeError(`unknown sample document ${String(document)}`);
        this.document = document;
        this.stateChanged();
      },
      setGlare: (glare) => {
        this.glare = glare;
      },
      setCoverOpen: (open) => {
        this.coverOpen = open;
        this.stateChanged();
      },
      setStalled: (stalled) => {
        this.stalled = stalled;
        this.stateChanged();
      },
      state: () => ({
        ...this.baseState(),
        document: this.document,
        glare: this.glare,
        coverOpen: this.coverOpen,
        stalled: this.stalled,
        scans: this.scans,
      }),
    };
  }

  capabilities(): DocumentScannerCapabilities {
    return { ...CAPABILITIES, resolutions: [...CAPABILITIES.resolutions], modes: [...CAPABILITIES.modes], bed: { ...CAPABILITIES.bed } };
  }

  protected openStatus(): DeviceStatus {
    return { state: 'online' };
  }

  protected override selfTestChecks(): SelfTestResult['checks'] {
    // The lamp and sensor check of a real scanner: a preview of the lid must come out even.
    const preview = renderScan({ document: 'empty', glare: false, face: undefined }, { xMm: 0, yMm: 0, widthMm: 50, heightMm: 50 }, 75, 'grey');
    return [{ name: 'preview', passed: isBlankScan(preview) }];
  }

  scan(request: ScanRequest, signal?: AbortSignal): Promise<ScannedImage> {
    let checked: ReturnType<typeof checkScanRequest>;
    try {
      checked = checkScanRequest(request, CAPABILITIES);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.operation(
      'scan',
      signal,
      async (ctx) => {
        ctx.deadline(checked.timeoutMs, () => this.error('timeout', `no image within ${checked.timeoutMs} ms`, 'scan-timeout'));
        if (this.coverOpen) throw this.error('user-action-needed', 'the scanner lid is open', 'cover-open');
        await ctx.until(() => !this.stalled);
        await ctx.sleep(this.delayMs);
        const face = typeof this.face === 'function' ? await (this.faceLoaded ??= this.face()) : await this.face;
        const image = renderScan({ document: this.document, glare: this.glare, face }, checked.area, checked.dpi, checked.mode);
        this.scans++;
        if (isBlankScan(image)) {
          image.pixels.fill(0);
          throw this.error('user-action-needed', 'nothing on the bed', 'no-document');
        }
        return image;
      },
      { exclusive: true },
    );
  }
}
