import { PIN_TRIES } from '../../devices/card-reader/app/application.js';
import type {
  AuthenticityResult,
  CardProtectedData,
  CardVisibleData,
  FingerprintReference,
} from '../../devices/card-reader/contract.js';
import type { Finger } from '../../devices/fingerprint-scanner/contract.js';
import { encodeReferenceTemplate } from '../fingerprint-scanner/template.js';
import { residentById, type Resident } from '../residents/index.js';
import { formatCardNumber, isPermanentSerial } from './card-number.js';
import { SIMULATED_PIN } from './chip-pin.js';
import { faceJpeg } from './face-image.js';

/**
 * The cards the simulated reader can hold: the test residents' (simulators/residents/) that have a
 * built-in card, and one that is not an ID card. Ids name the scenario a tester wants, so
 * `place expired` reads naturally in the CLI.
 */
export const PROFILE_IDS = [
  'chan-tai-man',
  'maria-santos',
  'nonpermanent-cert-expired',
  'nonpermanent-cert-missing',
  'wong-siu-ming',
  'expired',
  'lifetime',
  'pin-blocked',
  'tampered',
  'copied',
  'not-an-id-card',
  // Own data (contact change for a child or ward, marriage): a parent, a guardian, a couple.
  'wong-father',
  'au-guardian',
  'au-lok-i',
  'ip-ka-lok',
  'lou-sio-fong',
  // CHAN TAI MAN's relatives (back-office seed CHAN_RELATIVES), for kinship certificates.
  'chan-father',
  'chan-mother',
  'chan-spouse',
  'chan-son',
  'chan-daughter',
  'chan-brother',
  'chan-sister',
  'chan-grandfather',
  'chan-grandmother',
  'chang-weng-si',
  'ip-ka-man',
  'ip-mother',
  // A DSI technician's own ID card: with the PIN, it opens maintenance mode in test mode (docs/maintenance.md).
  'technician',
] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export { SIMULATED_PIN };
export { PIN_TRIES };

export interface IdCardProfile {
  /** A built-in ProfileId, or any id for a card loaded from a JSON profile. */
  id: string;
  chip: 'id-card';
  /** One line for testers (panel, CLI help). */
  label: string;
  visible: CardVisibleData;
  protectedData: CardProtectedData;
  pin: string;
  /** Tries left when the card is first placed; 0 means the PIN is already blocked. */
  pinTries: number;
  /** What authenticity checks must find: `invalid` builds a tampered (passive) or copied (active) chip. */
  authenticity: AuthenticityResult;
  fingers: Finger[];
  /** `false`: a chip that takes only short APDUs (its ATR says so; extended ones answer 6700). */
  extendedLength?: boolean;
}

/** A card that answers the reader but holds no ID application (a transit card, a bank card). */
export interface OtherCardProfile {
  id: string;
  chip: 'other';
  label: string;
}

export type CardProfile = IdCardProfile | OtherCardProfile;

const GENUINE: AuthenticityResult = { passive: 'valid', active: 'valid' };
/** No parents' names and no other names; the marital status is the file's (a card issued after the last change). */
const PLAIN: Omit<CardProtectedData, 'maritalStatus'> = { fatherName: '', motherName: '', otherNames: [] };

/** What the chip records: the file's status; a file that does not know it (`unknown`) leaves the chip's default, single. */
function chipMaritalStatus(resident: Resident): CardProtectedData['maritalStatus'] {
  const onFile = resident.onFile?.person?.maritalStatus;
  return onFile === undefined || onFile === 'unknown' ? 'single' : onFile;
}

/** The card a resident of the dataset (simulators/residents/) carries, with its chip's defaults. */
function idCardOf(resident: Resident, chip: NonNullable<Resident['chip']>): IdCardProfile {
  const { serial, nameZh, nameLatin, sex, dateOfBirth, card } = resident;
  return {
    id: resident.id,
    chip: 'id-card',
    label: chip.label,
    visible: { cardNumber: formatCardNumber(serial), nameZh, nameLatin, sex, dateOfBirth, permanent: isPermanentSerial(serial), ...card },
    protectedData: chip.protectedData ?? { ...PLAIN, maritalStatus: chipMaritalStatus(resident) },
    pin: SIMULATED_PIN,
    pinTries: chip.pinTries ?? PIN_TRIES,
    authenticity: chip.authenticity ?? GENUINE,
    fingers: chip.fingers ?? ['right-thumb', 'left-thumb'],
  };
}

const NOT_AN_ID_CARD: OtherCardProfile = { id: 'not-an-id-card', chip: 'other', label: 'A transit card: not an ID card' };

const PROFILES: readonly CardProfile[] = PROFILE_IDS.map((id) => {
  if (id === NOT_AN_ID_CARD.id) return NOT_AN_ID_CARD;
  const resident = residentById(id);
  if (!resident.chip) throw new RangeError(`test resident ${id} has no built-in card`); // PROFILE_IDS and the dataset disagree: a bug
  return idCardOf(resident, resident.chip);
});

export function getProfile(id: ProfileId): CardProfile {
  const profile = PROFILES.find((p) => p.id === id);
  if (!profile) throw new RangeError(`no card profile ${id}`); // PROFILE_IDS and PROFILES disagree: a bug
  return profile;
}

export function listProfiles(): ReadonlyArray<{ id: ProfileId; label: string }> {
  return PROFILES.map(({ id, label }) => ({ id: id as ProfileId, label }));
}

/** What the chip holds for the holder's face, as fresh bytes. */
export function faceImageOf(_profile: IdCardProfile): Uint8Array {
  return faceJpeg(); // one silhouette for everyone: the simulators carry no real faces
}

/** The chip's fingerprint references, in the fingerprint simulator's template format. */
export function fingerprintReferencesOf(profile: IdCardProfile): FingerprintReference[] {
  return profile.fingers.map((finger) => ({ finger, template: encodeReferenceTemplate(finger, profile.id) }));
}
