import { SIMULATED_TECHNICIAN } from '../../electron/host/maintenance/credentials.js';
import { SIMULATED_PIN } from '../card-reader/chip-pin.js';
import type { Resident } from './resident.js';

/** Cards the back office has no file for: chips that fail authenticity, and a DSI technician's card (maintenance mode). */
export const CARD_ONLY_RESIDENTS: readonly Resident[] = [
  {
    id: 'tampered',
    serial: '1902846',
    nameZh: '張偉健',
    nameLatin: 'CHEONG WAI KIN',
    sex: 'M',
    dateOfBirth: '1988-04-17',
    card: { firstIssue: '2006-05-02', currentIssue: '2021-11-09', expiry: '2031-11-09' },
    chip: { label: 'Altered data: passive authentication fails', authenticity: { passive: 'invalid', active: 'valid' } },
  },
  {
    id: 'copied',
    serial: '1388052',
    nameZh: '蘇玉蘭',
    nameLatin: 'SOU IOK LAN',
    sex: 'F',
    dateOfBirth: '1994-08-25',
    card: { firstIssue: '2012-09-12', currentIssue: '2023-03-21', expiry: '2033-03-21' },
    chip: { label: 'Cloned chip: active authentication fails', authenticity: { passive: 'valid', active: 'invalid' } },
  },
  {
    id: 'technician',
    // The host's test-mode staff record names this card: one source for its number and its PIN.
    serial: SIMULATED_TECHNICIAN.cardNumber,
    nameZh: '梁志強',
    nameLatin: 'LEONG CHI KEONG',
    sex: 'M',
    dateOfBirth: '1980-02-14',
    card: { firstIssue: '1998-06-01', currentIssue: '2020-06-01', expiry: '2030-06-01' },
    chip: {
      label: `A DSI technician's ID card: opens maintenance mode (test mode; maintenance PIN ${SIMULATED_TECHNICIAN.pin}; chip PIN ${SIMULATED_PIN} like every simulated card)`,
    },
  },
];
