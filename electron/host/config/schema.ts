import { z } from 'zod';
import { Language } from '../../shared/kiosk-api/schemas/language.js';
import { EnclosureLayout } from '../../shared/kiosk-api/schemas/enclosure.js';

/**
 * The host's configuration: defaults spread into a fully required object, validated once at start
 * (a bad setting stops the kiosk at start, never halfway through a visit). Which driver each device class uses lives here and nowhere else.
 */

const SimulatorDriver = z.strictObject({
  driver: z.literal('simulator'),
});
// Real drivers join this union as they land (PC/SC card reader, serial devices, HID scanner).
const DeviceDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver]);

const devicesDefault = { driver: 'simulator' as const };

/**
 * A real fingerprint scanner on USB HID (docs/fingerprint-protocol.md), found by its USB ids; or,
 * in the hardware loop, the same driver over a Unix-domain socket to the simulated scanner
 * (`socket`: no uhid on the build machines; see docs/simulators.md for what that exercises).
 */
const HidFingerprintDriver = z
  .strictObject({
    driver: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    socket: z.string().min(1).max(200).optional(),
  })
  .refine((c) => (c.socket === undefined) === (c.vendorId !== undefined && c.productId !== undefined), {
    message: 'give vendorId and productId (a USB scanner), or socket (the hardware loop), not both',
    path: ['socket'],
  });
const FingerprintDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver, HidFingerprintDriver]);

/** A serial line (docs/protocols/*.md): the port, its speed, and how its health is checked. */
const serialLine = (baudRate: number) => ({
  driver: z.literal('serial'),
  path: z.string().min(1),
  baudRate: z.number().int().min(1200).max(921_600).default(baudRate),
  /** How often an open line is probed; an unplugged or silent device is noticed within this. */
  heartbeatMs: z.number().int().min(10).max(60_000).default(1_000),
  /** How long the device may take to answer the handshake or a probe. */
  answerTimeoutMs: z.number().int().min(10).max(60_000).default(2_000),
});
/** An ultrasonic height column (docs/protocols/height-gauge.md). */
const SerialHeightGaugeDriver = z.strictObject({
  ...serialLine(9_600),
  /** Transducer to floor plate, measured at installation. */
  sensorHeightMm: z.number().int().min(1_000).max(4_000).default(2_600),
  calibrationOffsetMm: z.number().int().min(-200).max(200).default(0),
  stableReadings: z.number().int().min(2).max(20).default(3),
  toleranceMm: z.number().int().min(1).max(50).default(5),
  minCm: z.number().int().min(30).max(150).default(50),
  maxCm: z.number().int().min(150).max(300).default(230),
});
/** A payment terminal on its ECR serial protocol (docs/protocols/payment-terminal.md). */
const SerialPaymentTerminalDriver = z.strictObject({
  ...serialLine(115_200),
  ackTimeoutMs: z.number().int().min(10).max(10_000).default(1_000),
  requestTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  processingTimeoutMs: z.number().int().min(100).max(300_000).default(60_000),
  cardTimeoutMs: z.number().int().min(1_000).max(600_000).default(150_000),
});
/** An ESC/POS receipt printer on a serial line (docs/protocols/receipt-printer.md). */
const SerialReceiptPrinterDriver = z.strictObject({
  ...serialLine(38_400),
  columns: z.number().int().min(24).max(64).default(48),
  paperWidthMm: z.number().int().min(48).max(112).default(80),
});
const HeightGaugeDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver, SerialHeightGaugeDriver]);
const PaymentTerminalDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver, SerialPaymentTerminalDriver]);
const ReceiptPrinterDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver, SerialReceiptPrinterDriver]);

/**
 * The contactless ID card reader over PC/SC (docs/pcsc.md). `virtualCards` drives vpcd virtual
 * cards through this real driver (simulation); without it, `issuerCaFile` must name the issuer CA.
 */
const PcscCardReaderDriver = z
  .strictObject({
    driver: z.literal('pcsc'),
    /** The first reader whose name contains this (case-insensitive); any reader if absent. */
    reader: z.string().min(1).max(128).optional(),
    /** PEM of the issuer CA passive authentication trusts. */
    issuerCaFile: z.string().min(1).optional(),
    virtualCards: z.strictObject({ port: z.number().int().min(1).max(65535).default(35963) }).optional(),
    extendedLength: z.boolean().default(true),
    transmitTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  })
  .refine((c) => c.issuerCaFile !== undefined || c.virtualCards !== undefined, {
    message: 'issuerCaFile is required for real cards (the test CA serves virtualCards only)',
    path: ['issuerCaFile'],
  });
const CardReaderDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver, PcscCardReaderDriver]);

/** A flatbed scanner through SANE's `scanimage` (docs/scanner.md). */
const SaneDocumentScannerDriver = z.strictObject({
  driver: z.literal('sane'),
  /** The SANE device name (`scanimage -L`), e.g. `epson2:libusb:001:004`; `test:0` in the hardware loop. */
  device: z.string().min(1).max(200),
  command: z.string().min(1).max(200).default('scanimage'),
  /** A private SANE configuration directory (SANE_CONFIG_DIR), e.g. one whose dll.conf enables `test`. */
  configDir: z.string().min(1).max(500).optional(),
  /** How often an open scanner's presence is checked. */
  pollMs: z.number().int().min(20).max(60_000).default(2_000),
});
const DocumentScannerDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver, SaneDocumentScannerDriver]);

/** A PEM file the back-office client reads at start (its own CA, its client certificate and key). */
const PemFile = z.string().min(1).max(4096);

export const HostConfigSchema = z.strictObject({
  kioskId: z.string().min(1).max(64).default('KIOSK-DEV-01'),
  /** Enables devtools in Electron and verbose logs; never on a kiosk in service. */
  devMode: z.boolean().default(false),
  /**
   * Test mode (config/test-mode.ts): the tester control API, the back-office simulator, plain-http
   * back office, tokens on stdout and the TEST MODE mark on screen. Absent: on exactly when every
   * device is simulated. A kiosk with real hardware is never in test mode unless this says `true`.
   */
  testMode: z.boolean().optional(),
  /** What the KioskApi bridge serves at most (bridge/server.ts). */
  bridge: z
    .strictObject({
      /** Renderer connections at once. Absent: 1 (the one kiosk page), 8 in test mode. */
      maxConnections: z.number().int().min(1).max(64).optional(),
      /** Calls in flight per connection; one more is answered `too-many-calls`. */
      maxCallsInFlight: z.number().int().min(1).max(256).default(32),
    })
    .prefault({}),
  languages: z.array(Language).min(1).default(['zh-Hant', 'zh-Hans', 'pt', 'en']),
  defaultLanguage: Language.default('zh-Hant'),
  idle: z
    .strictObject({
      timeoutSeconds: z.number().int().min(10).max(3600).default(90),
      /** At least 30 s, so anyone can reach the screen to extend. */
      warningSeconds: z.number().int().min(30).max(300).default(30),
    })
    .prefault({}),
  cardReadTimeoutSeconds: z.number().int().min(5).max(600).default(120),
  /** The end of a visit (electron/host/visit). */
  visit: z
    .strictObject({
      /** A card left on the reader after a visit: staff are called after this long. */
      takeCardStaffSeconds: z.number().int().min(1).max(3600).default(60),
    })
    .prefault({}),
  /** Payments the terminal's answer to was lost (electron/host/applications/unknown-payments.ts). */
  payments: z
    .strictObject({
      /** While the resident waits, the host asks the terminal (or GovPay) with back-off for this long. */
      confirmWithinSeconds: z.number().int().min(5).max(600).default(60),
      /** The first pause between two enquiries; it doubles up to `maxEnquiryPauseSeconds`. */
      firstEnquiryPauseMs: z.number().int().min(50).max(60_000).default(500),
      maxEnquiryPauseSeconds: z.number().int().min(1).max(120).default(8),
    })
    .prefault({}),
  http: z
    .strictObject({
      host: z.literal('127.0.0.1').default('127.0.0.1'),
      /** 0 picks a free port. */
      port: z.number().int().min(0).max(65535).default(0),
    })
    .prefault({}),
  simulators: z
    .strictObject({
      /** Human-like delays in the simulators (0 in tests). */
      delayMs: z.number().int().min(0).max(10_000).default(300),
      /** What the simulated terminal does when the tester queued nothing. */
      paymentDefault: z.enum(['approve', 'wait']).default('approve'),
      /** Serves the tester control API and panel on /control. Absent: in test mode only; `true` outside test mode is refused. */
      controlApi: z.boolean().optional(),
      /** Starts the kiosk's (and the in-process back office's) clock at this instant, e.g. a working day's office hours in tests. */
      clockStartsAt: z.iso.datetime({ offset: true }).optional(),
    })
    .prefault({}),
  /**
   * The hardware-loop profile (`npm start -- --loop`): every device class through its real driver,
   * with the simulator at the far end of the real transport. The host starts the far ends for the
   * configured transports (pty pairs in `dir`, the scanner's socket, vpcd cards) and pcscd if
   * none runs (`startPcscd`). The loader fills in the device entries (electron/host/config/loop-profile.ts).
   */
  loop: z
    .strictObject({
      dir: z.string().min(1),
      startPcscd: z.boolean().default(true),
    })
    .optional(),
  devices: z
    .strictObject({
      'card-reader': CardReaderDriverConfig.default(devicesDefault),
      'fingerprint-scanner': FingerprintDriverConfig.default(devicesDefault),
      camera: DeviceDriverConfig.default(devicesDefault),
      'height-gauge': HeightGaugeDriverConfig.default(devicesDefault),
      'payment-terminal': PaymentTerminalDriverConfig.default(devicesDefault),
      'receipt-printer': ReceiptPrinterDriverConfig.default(devicesDefault),
      'document-scanner': DocumentScannerDriverConfig.default(devicesDefault),
    })
    .prefault({}),
  /**
   * The back office (DSI and PSP systems). `simulator` starts the back-office simulator in-process
   * (npm start) and points `url` at it: absent, in test mode only. Outside test mode the URL must be
   * https and `tls` must name this kiosk's client certificate (mutual TLS, docs/backoffice-api.md).
   */
  backoffice: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:41300'),
      timeoutMs: z.number().int().min(100).max(60_000).default(5000),
      simulator: z.boolean().optional(),
      tls: z
        .strictObject({
          /** The CA that signed the back office's server certificate (the system's CAs are not trusted for it). */
          caFile: PemFile,
          /** This kiosk's client certificate (its subject CN is the kiosk id) and private key. */
          certFile: PemFile,
          keyFile: PemFile,
        })
        .optional(),
      /** How often the outbox worker retries unsent applications, unknown payments and reversals. */
      retryIntervalSeconds: z.number().int().min(1).max(3600).default(30),
    })
    .prefault({}),
  /**
   * The SQLite journal of payments and submissions (docs/journal.md). `:memory:` (the default, for
   * development and tests) survives nothing: a kiosk in service must set a file path.
   */
  journal: z
    .strictObject({
      path: z.string().min(1).default(':memory:'),
      /** AES-256 key, 64 hex digits, from a secrets store. Absent: see journal/key.ts for where the key comes from. */
      keyHex: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
      /**
       * The key file (64 hex digits, mode 0600) in its own directory, never beside the journal. The
       * loader defaults it to `$XDG_CONFIG_HOME/dsi-kiosk/journal.key` (or `KIOSK_KEY_DIR`).
       */
      keyFile: z.string().min(1).optional(),
      /** A payment is refused (`journal-unavailable`) when the journal's filesystem has less free space than this. */
      minFreeMegabytes: z.number().int().min(1).max(10_000_000).default(64),
    })
    .prefault({}),
  /** Fingerprint verification and ten-print capture (electron/host/biometrics). */
  biometrics: z
    .strictObject({
      /** Tries per finger before another finger or the alternative path is offered. */
      triesPerFinger: z.number().int().min(1).max(10).default(3),
      /** Captures below this quality (0–100) are not compared or kept. */
      qualityFloor: z.number().int().min(0).max(100).default(40),
      /** How long one capture waits for a finger. */
      captureTimeoutSeconds: z.number().int().min(2).max(120).default(20),
      /** Wrong share codes before the kiosk stops asking (the live photo stays available). */
      shareCodeTries: z.number().int().min(1).max(10).default(3),
    })
    .prefault({}),
  /**
   * Maintenance mode (docs/maintenance.md): who may enter (a staff card and a PIN, stored as hashes:
   * `npm run sim -- staff-credential` makes them), how many wrong PINs lock entry, and when an
   * unattended mode ends. In test mode the simulator's technician card is added (maintenance PIN 2468, `SIMULATED_TECHNICIAN`).
   */
  maintenance: z
    .strictObject({
      staff: z
        .array(
          z.strictObject({
            staffId: z.string().regex(/^[A-Z0-9-]{2,20}$/),
            /** SHA-256 (hex) of `dsi-kiosk-staff:` and the staff member's ID card number. */
            cardNumberSha256: z.string().regex(/^[0-9a-f]{64}$/),
            /** `scrypt$<salt hex>$<hash hex>` of the PIN (electron/host/maintenance/credentials.ts). */
            pinScrypt: z.string().regex(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/),
          }),
        )
        .max(500)
        .default([]),
      pinTries: z.number().int().min(1).max(10).default(3),
      lockoutMinutes: z.number().int().min(1).max(1440).default(15),
      idleSeconds: z.number().int().min(30).max(3600).default(300),
    })
    .prefault({}),
  /**
   * Fleet telemetry over MQTT (docs/fleet.md). Absent: off (the kiosk runs alone). Outside test mode
   * the URL must be `mqtts://` with `tls`, and the password comes from `passwordFile`.
   */
  fleet: z
    .strictObject({
      url: z.string().regex(/^mqtts?:\/\/[^\s/]+(:\d{1,5})?$/),
      /** The broker user; the kiosk id when absent (the ACL's `%u`). */
      username: z.string().min(1).max(64).optional(),
      /** A file holding this kiosk's broker password (a credentials directory); `password` inline in test mode only. */
      passwordFile: z.string().min(1).max(4096).optional(),
      password: z.string().min(1).max(200).optional(),
      tls: z.strictObject({ caFile: PemFile, certFile: PemFile.optional(), keyFile: PemFile.optional() }).optional(),
      /** How often counters and the kiosk state are published even without a change. */
      countersSeconds: z.number().int().min(1).max(3600).default(60),
      /** Queued telemetry kept while the broker is unreachable; the oldest goes first (events are never dropped). */
      maxQueuedTelemetry: z.number().int().min(10).max(100_000).default(2000),
      /** An application still queued for the back office after this long raises an event. */
      queuedAlertMinutes: z.number().int().min(1).max(10_080).default(30),
    })
    .optional(),
  /** Where each device is on the kiosk's front (config/enclosure.ts); the guidance pictures show it. */
  enclosure: EnclosureLayout.prefault({}),
  /** Where the built renderer is; resolved by the loader relative to the installation. */
  rendererDir: z.string().min(1),
  /** The service-rules data an operator maintains: holidays/, fees.json, pickup.json, kiosk-rules.json. */
  rulesDir: z.string().min(1),
});

export type HostConfig = z.output<typeof HostConfigSchema>;
export type HostConfigInput = z.input<typeof HostConfigSchema>;
