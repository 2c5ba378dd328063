import { z } from 'zod';
import { Language } from '../bridge/contract.js';

/**
 * The host's configuration: defaults spread into a fully required object, validated once at start
 * (style rule 9). Which driver each device class uses lives here and nowhere else.
 */

const SimulatorDriver = z.strictObject({
  driver: z.literal('simulator'),
});
// Real drivers join this union as they land (PC/SC card reader, serial devices, HID scanner).
const DeviceDriverConfig = z.discriminatedUnion('driver', [SimulatorDriver]);

const devicesDefault = { driver: 'simulator' as const };

export const HostConfigSchema = z.strictObject({
  kioskId: z.string().min(1).max(64).default('KIOSK-DEV-01'),
  /** Enables devtools in Electron and verbose logs; never on a kiosk in service. */
  devMode: z.boolean().default(false),
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
      /** Serves the tester control API and panel on /control; only where simulators are used. */
      controlApi: z.boolean().default(true),
    })
    .prefault({}),
  devices: z
    .strictObject({
      'card-reader': DeviceDriverConfig.default(devicesDefault),
      'fingerprint-scanner': DeviceDriverConfig.default(devicesDefault),
      camera: DeviceDriverConfig.default(devicesDefault),
      'height-gauge': DeviceDriverConfig.default(devicesDefault),
      'payment-terminal': DeviceDriverConfig.default(devicesDefault),
      'receipt-printer': DeviceDriverConfig.default(devicesDefault),
    })
    .prefault({}),
  /** Where the built renderer is; resolved by the loader relative to the installation. */
  rendererDir: z.string().min(1),
  /** The service-rules data an operator maintains: holidays/, fees.json, pickup.json, kiosk-rules.json. */
  rulesDir: z.string().min(1),
});

export type HostConfig = z.output<typeof HostConfigSchema>;
export type HostConfigInput = z.input<typeof HostConfigSchema>;
