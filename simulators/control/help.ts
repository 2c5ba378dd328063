import { DEVICE_KINDS } from '../../devices/kinds.js';
import type { ControlCommandInput } from './commands.js';

/** One line of the CLI's `help`: a command, its parameters and an example that parses. */
export interface CommandHelp {
  device: string;
  action: string;
  params: string;
  summary: string;
  example: ControlCommandInput;
  /** A serial line's fault: only a device at the far end of a pty (the hardware loop) takes it. */
  loopOnly?: true;
}

/** Kept next to the schema; a unit test checks every schema entry has a line and every example parses. */
export const COMMAND_HELP: readonly CommandHelp[] = [
  { device: 'card-reader', action: 'place', params: '--profile <id>', summary: 'put a card on the reader', example: { device: 'card-reader', action: 'place', profile: 'chan-tai-man' } },
  { device: 'card-reader', action: 'place-resident', params: '--resident <seed id>', summary: 'put a back-office seed resident\'s card on the reader', example: { device: 'card-reader', action: 'place-resident', resident: 'interdicted' } },
  { device: 'card-reader', action: 'remove', params: '', summary: 'take the card away', example: { device: 'card-reader', action: 'remove' } },
  { device: 'card-reader', action: 'remove-during-next-read', params: '', summary: 'the next read loses the card (card-removed)', example: { device: 'card-reader', action: 'remove-during-next-read' } },
  { device: 'card-reader', action: 'reset-cards', params: '', summary: 'restore every card\'s PIN tries', example: { device: 'card-reader', action: 'reset-cards' } },
  { device: 'fingerprint-scanner', action: 'present', params: '--quality 0-100 --matches true|false', summary: 'a finger for the next capture', example: { device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true } },
  { device: 'fingerprint-scanner', action: 'set-missing', params: '--finger <finger> [--missing true|false]', summary: 'a finger that cannot be captured', example: { device: 'fingerprint-scanner', action: 'set-missing', finger: 'right-thumb' } },
  { device: 'fingerprint-scanner', action: 'clear-queue', params: '', summary: 'forget presented fingers', example: { device: 'fingerprint-scanner', action: 'clear-queue' } },
  { device: 'camera', action: 'unplug', params: '', summary: 'the camera leaves (offline)', example: { device: 'camera', action: 'unplug' } },
  { device: 'camera', action: 'plug', params: '', summary: 'the camera comes back', example: { device: 'camera', action: 'plug' } },
  { device: 'camera', action: 'report', params: '--report streaming|no-device|permission-denied|stream-error', summary: 'stand in for the renderer\'s report', example: { device: 'camera', action: 'report', report: 'permission-denied' } },
  { device: 'height-gauge', action: 'set-height', params: '--heightMm <mm>|null', summary: 'who stands on the gauge (null: nobody)', example: { device: 'height-gauge', action: 'set-height', heightMm: 1720 } },
  { device: 'height-gauge', action: 'set-unstable', params: '--unstable true|false', summary: 'a fidgeting resident', example: { device: 'height-gauge', action: 'set-unstable', unstable: true } },
  { device: 'payment-terminal', action: 'queue', params: '--outcome approve|decline|timeout|lose-response [--reason <code>] [--balanceAvos <n>]', summary: 'what the next sale does', example: { device: 'payment-terminal', action: 'queue', outcome: 'decline', reason: 'insufficient-funds' } },
  { device: 'payment-terminal', action: 'set-default', params: '--mode approve|wait', summary: 'when nothing is queued', example: { device: 'payment-terminal', action: 'set-default', mode: 'wait' } },
  { device: 'payment-terminal', action: 'clear-queue', params: '', summary: 'forget queued outcomes', example: { device: 'payment-terminal', action: 'clear-queue' } },
  { device: 'receipt-printer', action: 'set-paper', params: '--paper ok|near-end|out|cover-open', summary: 'paper state', example: { device: 'receipt-printer', action: 'set-paper', paper: 'out' } },
  { device: 'receipt-printer', action: 'clear-printed', params: '', summary: 'forget printed receipts', example: { device: 'receipt-printer', action: 'clear-printed' } },
  { device: 'height-gauge', action: 'line-garbage', params: '', summary: 'noise on the serial line (hardware loop only)', example: { device: 'height-gauge', action: 'line-garbage' }, loopOnly: true },
  { device: 'payment-terminal', action: 'line-garbage', params: '', summary: 'noise and half a frame on the serial line (hardware loop only)', example: { device: 'payment-terminal', action: 'line-garbage' }, loopOnly: true },
  { device: 'payment-terminal', action: 'corrupt-frames', params: '--frames 1-10', summary: 'damage the next frames\' LRC (4 exhaust the retries; hardware loop only)', example: { device: 'payment-terminal', action: 'corrupt-frames', frames: 2 }, loopOnly: true },
  { device: 'payment-terminal', action: 'power-cycle', params: '--offMs <ms>', summary: 'power off (forgets the sale), then up (hardware loop only)', example: { device: 'payment-terminal', action: 'power-cycle', offMs: 2000 }, loopOnly: true },
  { device: 'receipt-printer', action: 'line-garbage', params: '', summary: 'noise on the serial line (hardware loop only)', example: { device: 'receipt-printer', action: 'line-garbage' }, loopOnly: true },
  { device: 'document-scanner', action: 'place', params: '--document photo-print|crooked-photo|small-photo|not-a-face|id-card|empty', summary: 'lay a sample document on the bed', example: { device: 'document-scanner', action: 'place', document: 'photo-print' } },
  { device: 'document-scanner', action: 'set-glare', params: '--glare true|false', summary: 'a glossy print reflects the lamp', example: { device: 'document-scanner', action: 'set-glare', glare: true } },
  { device: 'document-scanner', action: 'set-cover', params: '--open true|false', summary: 'lift or close the lid', example: { device: 'document-scanner', action: 'set-cover', open: true } },
  { device: 'document-scanner', action: 'set-stalled', params: '--stalled true|false', summary: 'the carriage hangs: scans time out', example: { device: 'document-scanner', action: 'set-stalled', stalled: true } },
  ...DEVICE_KINDS.flatMap((device): CommandHelp[] => [
    { device, action: 'disconnect', params: '', summary: 'unplug: operations fail not-connected', example: { device, action: 'disconnect' } },
    { device, action: 'reconnect', params: '', summary: 'plug back in (the host reopens it)', example: { device, action: 'reconnect' } },
    { device, action: 'set-latency', params: '--ms <n>', summary: 'extra latency before every operation', example: { device, action: 'set-latency', ms: 250 } },
    { device, action: 'set-fault', params: '--fault <code>|null', summary: 'hardware fault (degraded, self-test fails)', example: { device, action: 'set-fault', fault: 'sensor-fault' } },
  ]),
];
