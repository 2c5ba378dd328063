import { formatCardNumber } from '../card-reader/card-number.js';
import { faceJpeg } from '../card-reader/face-image.js';
import { ALL_ON_FILE } from '../residents/resident.js';
import { RESIDENTS, type Resident } from '../residents/index.js';
import type { KinshipRecord, PersonRecord } from '../../electron/host/backoffice/wire.js';

/**
 * The residents the back-office simulator knows: those of the test dataset (simulators/residents/)
 * that have a file, one or more per branch of the service rules (docs/service-rules.md). Their cards
 * come from the same entries, so a card placed on the simulated reader finds its file here.
 */
export interface SeedResident {
  id: string;
  /** What the tester picks this resident for. */
  branch: string;
  cardNumber: string;
  nameZh: string;
  nameLatin: string;
  record: PersonRecord;
  kinship: KinshipRecord;
  /** The back office refuses this resident's applications at submission (e.g. card reported lost meanwhile). */
  refuseApplications?: string;
}

const CAPTURE = { tenFingerprints: false, height: true };

/** A resident's file as the back office holds it: an adult with nothing special, unless the dataset says otherwise. */
function seedOf(resident: Resident, onFile: NonNullable<Resident['onFile']>): SeedResident {
  const person: PersonRecord['person'] = {
    dateOfBirth: resident.dateOfBirth,
    interdiction: 'none',
    maritalStatus: 'single',
    relationsOnFile: ALL_ON_FILE,
    fingerprintsReadable: true,
    captureNeeds: CAPTURE,
    ...onFile.person,
  };
  const record: PersonRecord = { person, guardians: onFile.guardians ?? [] };
  if (onFile.residenceCertificate) record.residenceCertificate = onFile.residenceCertificate;
  if (onFile.photoShareCode) record.photoShareCode = onFile.photoShareCode;
  const seed: SeedResident = {
    id: onFile.id ?? resident.id,
    branch: onFile.branch,
    cardNumber: formatCardNumber(resident.serial),
    nameZh: resident.nameZh,
    nameLatin: resident.nameLatin,
    record,
    kinship: onFile.kinship,
  };
  if (onFile.refuseApplications) seed.refuseApplications = onFile.refuseApplications;
  // A copy: the store keeps what it is given, and the dataset's shared pieces must not change under it.
  return structuredClone(seed);
}

export const SEED_RESIDENTS: readonly SeedResident[] = RESIDENTS.flatMap((r) => (r.onFile ? [seedOf(r, r.onFile)] : []));

/** Photos behind 一戶通 share codes; the simulators carry one silhouette, no real face. */
export function seedPhotos(): Array<{ shareCode: string; jpeg: Uint8Array; takenOn: string }> {
  return SEED_RESIDENTS.flatMap((r) => (r.record.photoShareCode ? [{ shareCode: r.record.photoShareCode, jpeg: faceJpeg(), takenOn: '2026-03-01' }] : []));
}
