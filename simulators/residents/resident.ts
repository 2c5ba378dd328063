import type { AuthenticityResult, CardProtectedData } from '../../devices/card-reader/contract.js';
import type { Finger } from '../../devices/fingerprint-scanner/contract.js';
import type { KinshipRecord, PersonRecord } from '../../electron/host/backoffice/wire.js';

/**
 * One fictional test resident, held once: who they are, the ID card they carry, and what the back
 * office knows about them. The card profiles (simulators/card-reader/profiles.ts) and the
 * back-office seed (simulators/backoffice/seed.ts, seed-cards.ts) are derived from these, so a
 * card placed on the simulated reader always finds its own file. Every name, number and date is
 * invented.
 */
export interface Resident {
  /** The id testers use: `place chan-tai-man`, and the back-office seed id unless `onFile.id` says otherwise. */
  id: string;
  /** The card number's digits before the check digit; 5… is a non-permanent resident's card. */
  serial: string;
  nameZh: string;
  nameLatin: string;
  sex: 'F' | 'M';
  dateOfBirth: string;
  card: { firstIssue: string; currentIssue: string; expiry: string | null };
  /**
   * A built-in card profile (PROFILE_IDS), with what its chip holds beyond the visible data. A
   * resident without one is put on the reader by `place-resident` (SEED_CARD_IDS).
   */
  chip?: {
    /** One line for testers (panel, CLI help). */
    label: string;
    /** Default: no parents' names, no other names, and the marital status on file (single without one). */
    protectedData?: CardProtectedData;
    /** Default: every try left; 0 means the PIN is already blocked. */
    pinTries?: number;
    /** Default: genuine. */
    authenticity?: AuthenticityResult;
    /** Default: both thumbs. */
    fingers?: Finger[];
  };
  /** What the back office holds (absent: a card the back office does not know, e.g. a tampered one). */
  onFile?: {
    /** The seed id when it differs from `id` (older scenario names, kept). */
    id?: string;
    /** What the tester picks this resident for: the branch of the service rules (docs/service-rules.md). */
    branch: string;
    /** Departures from an adult with nothing special: single, not interdicted, everything on file. */
    person?: Partial<Omit<PersonRecord['person'], 'dateOfBirth'>>;
    residenceCertificate?: PersonRecord['residenceCertificate'];
    guardians?: PersonRecord['guardians'];
    photoShareCode?: string;
    kinship: KinshipRecord;
    /** The back office refuses this resident's applications at submission (e.g. card reported lost meanwhile). */
    refuseApplications?: string;
  };
}

export const ALL_ON_FILE = { parents: true, children: true, spouse: true };
export const NONE_ON_FILE = { parents: false, children: false, spouse: false };
export const PARENTS_ON_FILE = { parents: true, children: false, spouse: false };
