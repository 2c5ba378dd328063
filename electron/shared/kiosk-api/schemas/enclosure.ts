import { z } from 'zod';
import { DEVICE_KINDS, type DeviceKind } from '../../../../devices/kinds.js';

/**
 * Where each device sits on the front of the kiosk's enclosure, as the resident faces it. Operator
 * configuration (`enclosure` in kiosk.json): cabinets differ, and the guidance pictures
 * (renderer/ui/guidance) point at the real place. The front is a 3 × 5 grid: the side
 * (left, centre, right) and the level, from the top of the cabinet down to the floor plate.
 */
export const ENCLOSURE_SIDES = ['left', 'centre', 'right'] as const;
export const ENCLOSURE_LEVELS = ['top', 'screen', 'desk', 'lower', 'floor'] as const;
export type EnclosureSide = (typeof ENCLOSURE_SIDES)[number];
export type EnclosureLevel = (typeof ENCLOSURE_LEVELS)[number];

export const EnclosurePlace = z.strictObject({ side: z.enum(ENCLOSURE_SIDES), level: z.enum(ENCLOSURE_LEVELS) });
export type EnclosurePlace = z.infer<typeof EnclosurePlace>;

/** The reference cabinet: camera above the screen, the desk's three devices, printer and scanner below, gauge plate on the floor. */
export const DEFAULT_ENCLOSURE: Readonly<Record<DeviceKind, EnclosurePlace>> = {
  camera: { side: 'centre', level: 'top' },
  'fingerprint-scanner': { side: 'left', level: 'desk' },
  'payment-terminal': { side: 'centre', level: 'desk' },
  'card-reader': { side: 'right', level: 'desk' },
  'document-scanner': { side: 'left', level: 'lower' },
  'receipt-printer': { side: 'right', level: 'lower' },
  'height-gauge': { side: 'centre', level: 'floor' },
};

const devicePlaces = Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, EnclosurePlace.default(DEFAULT_ENCLOSURE[kind])])) as {
  [K in DeviceKind]: z.ZodDefault<typeof EnclosurePlace>;
};

/** Every device has a place (the default's when the operator leaves it out), and no two share one. */
export const EnclosureLayout = z
  .strictObject({ devices: z.strictObject(devicePlaces).prefault({}) })
  .superRefine((layout, ctx) => {
    const taken = new Map<string, DeviceKind>();
    for (const kind of DEVICE_KINDS) {
      const place = layout.devices[kind];
      const key = `${place.side}/${place.level}`;
      const other = taken.get(key);
      if (other) ctx.addIssue({ code: 'custom', path: ['devices', kind], message: `${kind} and ${other} are both at ${key}` });
      taken.set(key, kind);
    }
  });
export type EnclosureLayout = z.output<typeof EnclosureLayout>;
