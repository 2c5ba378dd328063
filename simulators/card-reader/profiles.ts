import { PIN_TRIES } from '../../devices/card-reader/app/application.js';
import type {
  AuthenticityResult,
  CardProtectedData,
  CardVisibleData,
  FingerprintReference,
} from '../../devices/card-reader/contract.js';
import type { Finger } from '../../devices/fingerprint-scanner/contract.js';
import { encodeReferenceTemplate } from '../fingerprint-scanner/template.js';
import { formatCardNumber } from './card-number.js';
import { faceJpeg } from './face-image.js';

/**
 * Fictional residents whose cards the simulated reader can hold. Every name, number and date is
 * invented. Ids name the scenario a tester wants, so `place expired` reads naturally in the CLI.
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

/** The PIN of every simulated ID card, so testers need not look it up. */
export const SIMULATED_PIN = '123456';
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
const SINGLE: CardProtectedData = { fatherName: '', motherName: '', maritalStatus: 'single', otherNames: [] };

function idCard(
  id: ProfileId,
  label: string,
  visible: Omit<CardVisibleData, 'cardNumber'> & { serial: string },
  extra: Partial<Pick<IdCardProfile, 'protectedData' | 'pinTries' | 'authenticity' | 'fingers'>> = {},
): IdCardProfile {
  const { serial, ...rest } = visible;
  return {
    id,
    chip: 'id-card',
    label,
    visible: { cardNumber: formatCardNumber(serial), ...rest },
    protectedData: extra.protectedData ?? SINGLE,
    pin: SIMULATED_PIN,
    pinTries: extra.pinTries ?? PIN_TRIES,
    authenticity: extra.authenticity ?? GENUINE,
    fingers: extra.fingers ?? ['right-thumb', 'left-thumb'],
  };
}

const PROFILES: readonly CardProfile[] = [
  idCard(
    'chan-tai-man',
    'Adult permanent resident, valid card',
    {
      serial: '1234567',
      nameZh: '陳大文',
      nameLatin: 'CHAN TAI MAN',
      sex: 'M',
      dateOfBirth: '1985-03-12',
      permanent: true,
      firstIssue: '2003-04-01',
      currentIssue: '2022-07-18',
      expiry: '2032-07-18',
    },
    {
      protectedData: {
        fatherName: '陳志明 CHAN CHI MENG',
        motherName: '李美玲 LEI MEI LENG',
        maritalStatus: 'married',
        otherNames: [],
      },
    },
  ),
  idCard(
    'maria-santos',
    'Adult non-permanent resident, valid card',
    {
      serial: '5123458',
      nameZh: '',
      nameLatin: 'MARIA DA CONCEICAO SANTOS',
      sex: 'F',
      dateOfBirth: '1990-11-02',
      permanent: false,
      firstIssue: '2019-02-11',
      currentIssue: '2024-02-11',
      expiry: '2029-02-11',
    },
    {
      protectedData: {
        fatherName: 'JOSE SANTOS',
        motherName: 'ANA MARIA SANTOS',
        maritalStatus: 'single',
        otherNames: ['MARIA SANTOS'],
      },
      fingers: ['right-index', 'left-index'],
    },
  ),
  idCard('nonpermanent-cert-expired', 'Adult non-permanent resident whose residence certificate has expired', {
    serial: '5234561',
    nameZh: '阮氏梅',
    nameLatin: 'NGUYEN THI MAI',
    sex: 'F',
    dateOfBirth: '1987-03-03',
    permanent: false,
    firstIssue: '2018-06-04',
    currentIssue: '2023-06-04',
    expiry: '2028-06-04',
  }),
  idCard('nonpermanent-cert-missing', 'Adult non-permanent resident with no residence certificate received', {
    serial: '5345672',
    nameZh: '',
    nameLatin: 'JOHN PAUL REYES',
    sex: 'M',
    dateOfBirth: '1992-09-09',
    permanent: false,
    firstIssue: '2021-01-15',
    currentIssue: '2021-01-15',
    expiry: '2026-12-15',
  }),
  idCard('wong-siu-ming', 'Minor (born 2015), permanent, valid card', {
    serial: '1576324',
    nameZh: '黃小明',
    nameLatin: 'WONG SIU MENG',
    sex: 'M',
    dateOfBirth: '2015-09-30',
    permanent: true,
    firstIssue: '2016-01-20',
    currentIssue: '2023-10-05',
    expiry: '2028-10-05',
  }),
  idCard('expired', 'Adult permanent resident, card expired 2025-01-15', {
    serial: '1069042',
    nameZh: '林美玲',
    nameLatin: 'LAM MEI LENG',
    sex: 'F',
    dateOfBirth: '1979-06-21',
    permanent: true,
    firstIssue: '1997-08-04',
    currentIssue: '2015-01-15',
    expiry: '2025-01-15',
  }),
  idCard('lifetime', 'Permanent resident aged 76, card valid for life', {
    serial: '1357913',
    nameZh: '何金華',
    nameLatin: 'HO KAM WA',
    sex: 'M',
    dateOfBirth: '1950-01-08',
    permanent: true,
    firstIssue: '1993-05-10',
    currentIssue: '2012-03-02',
    expiry: null,
  }),
  idCard(
    'pin-blocked',
    'Adult permanent resident whose PIN is blocked',
    {
      serial: '1470258',
      nameZh: '梁家榮',
      nameLatin: 'LEONG KA WENG',
      sex: 'M',
      dateOfBirth: '1972-12-01',
      permanent: true,
      firstIssue: '1990-02-14',
      currentIssue: '2020-06-30',
      expiry: '2030-06-30',
    },
    { pinTries: 0 },
  ),
  idCard(
    'tampered',
    'Altered data: passive authentication fails',
    {
      serial: '1902846',
      nameZh: '張偉健',
      nameLatin: 'CHEONG WAI KIN',
      sex: 'M',
      dateOfBirth: '1988-04-17',
      permanent: true,
      firstIssue: '2006-05-02',
      currentIssue: '2021-11-09',
      expiry: '2031-11-09',
    },
    { authenticity: { passive: 'invalid', active: 'valid' } },
  ),
  idCard(
    'copied',
    'Cloned chip: active authentication fails',
    {
      serial: '1388052',
      nameZh: '蘇玉蘭',
      nameLatin: 'SOU IOK LAN',
      sex: 'F',
      dateOfBirth: '1994-08-25',
      permanent: true,
      firstIssue: '2012-09-12',
      currentIssue: '2023-03-21',
      expiry: '2033-03-21',
    },
    { authenticity: { passive: 'valid', active: 'invalid' } },
  ),
  { id: 'not-an-id-card', chip: 'other', label: 'A transit card: not an ID card' },
  idCard('wong-father', "Father of WONG SIU MENG (child on file): changes his minor son's contact details", {
    serial: '1588002',
    nameZh: '黃志偉',
    nameLatin: 'WONG CHI WAI',
    sex: 'M',
    dateOfBirth: '1982-05-20',
    permanent: true,
    firstIssue: '2000-06-01',
    currentIssue: '2021-05-20',
    expiry: '2031-05-20',
  }),
  idCard('au-guardian', 'Legal guardian of AU LOK I (a ward): changes her contact details', {
    serial: '1599112',
    nameZh: '區美儀',
    nameLatin: 'AU MEI I',
    sex: 'F',
    dateOfBirth: '1975-10-03',
    permanent: true,
    firstIssue: '1994-01-12',
    currentIssue: '2019-10-03',
    expiry: '2029-10-03',
  }),
  idCard('au-lok-i', 'Minor (born 2012) under the legal guardianship of AU MEI I', {
    serial: '1612347',
    nameZh: '區樂怡',
    nameLatin: 'AU LOK I',
    sex: 'F',
    dateOfBirth: '2012-02-14',
    permanent: true,
    firstIssue: '2012-06-01',
    currentIssue: '2022-02-14',
    expiry: '2027-02-14',
  }),
  idCard('ip-ka-lok', 'Single adult, married recently: changes his marital status to married', {
    serial: '1691234',
    nameZh: '葉家樂',
    nameLatin: 'IP KA LOK',
    sex: 'M',
    dateOfBirth: '1992-02-03',
    permanent: true,
    firstIssue: '2010-03-01',
    currentIssue: '2024-02-03',
    expiry: '2034-02-03',
  }),
  idCard('lou-sio-fong', "IP KA LOK's spouse, valid smart card", {
    serial: '1702345',
    nameZh: '盧少芳',
    nameLatin: 'LOU SIO FONG',
    sex: 'F',
    dateOfBirth: '1994-07-15',
    permanent: true,
    firstIssue: '2012-08-20',
    currentIssue: '2022-07-15',
    expiry: '2032-07-15',
  }),
  idCard('chan-father', 'Father of CHAN TAI MAN (kinship)', {
    serial: '1100001',
    nameZh: '陳志明',
    nameLatin: 'CHAN CHI MENG',
    sex: 'M',
    dateOfBirth: '1955-02-03',
    permanent: true,
    firstIssue: '1990-01-10',
    currentIssue: '2023-05-02',
    expiry: null,
  }),
  idCard('chan-mother', 'Mother of CHAN TAI MAN (kinship)', {
    serial: '1100002',
    nameZh: '李美玲',
    nameLatin: 'LEI MEI LENG',
    sex: 'F',
    dateOfBirth: '1958-06-14',
    permanent: true,
    firstIssue: '1990-01-10',
    currentIssue: '2023-05-02',
    expiry: null,
  }),
  idCard('chan-spouse', 'Wife of CHAN TAI MAN (kinship)', {
    serial: '1100003',
    nameZh: '何慧君',
    nameLatin: 'HO WAI KUAN',
    sex: 'F',
    dateOfBirth: '1987-09-21',
    permanent: true,
    firstIssue: '2005-01-10',
    currentIssue: '2023-05-02',
    expiry: '2033-05-02',
  }),
  idCard('chan-son', 'Son of CHAN TAI MAN, a minor (kinship)', {
    serial: '1100014',
    nameZh: '陳家豪',
    nameLatin: 'CHAN KA HOU',
    sex: 'M',
    dateOfBirth: '2012-04-08',
    permanent: true,
    firstIssue: '2013-01-10',
    currentIssue: '2023-05-02',
    expiry: '2028-05-02',
  }),
  idCard('chan-daughter', 'Daughter of CHAN TAI MAN, a minor (kinship)', {
    serial: '1100005',
    nameZh: '陳家慧',
    nameLatin: 'CHAN KA WAI',
    sex: 'F',
    dateOfBirth: '2015-11-30',
    permanent: true,
    firstIssue: '2016-01-10',
    currentIssue: '2023-05-02',
    expiry: '2028-05-02',
  }),
  idCard('chan-brother', 'Brother of CHAN TAI MAN (kinship)', {
    serial: '1100006',
    nameZh: '陳大偉',
    nameLatin: 'CHAN TAI WAI',
    sex: 'M',
    dateOfBirth: '1988-01-19',
    permanent: true,
    firstIssue: '2006-01-10',
    currentIssue: '2023-05-02',
    expiry: '2033-05-02',
  }),
  idCard('chan-sister', 'Sister of CHAN TAI MAN (kinship)', {
    serial: '1100007',
    nameZh: '陳美儀',
    nameLatin: 'CHAN MEI I',
    sex: 'F',
    dateOfBirth: '1990-07-07',
    permanent: true,
    firstIssue: '2008-01-10',
    currentIssue: '2023-05-02',
    expiry: '2033-05-02',
  }),
  idCard('chan-grandfather', 'Paternal grandfather of CHAN TAI MAN (kinship)', {
    serial: '1100008',
    nameZh: '陳國雄',
    nameLatin: 'CHAN KUOK HONG',
    sex: 'M',
    dateOfBirth: '1930-03-03',
    permanent: true,
    firstIssue: '1990-01-10',
    currentIssue: '2023-05-02',
    expiry: null,
  }),
  idCard('chan-grandmother', 'Maternal grandmother of CHAN TAI MAN (kinship)', {
    serial: '1100009',
    nameZh: '黃秀英',
    nameLatin: 'WONG SAO YENG',
    sex: 'F',
    dateOfBirth: '1934-12-12',
    permanent: true,
    firstIssue: '1990-01-10',
    currentIssue: '2023-05-02',
    expiry: null,
  }),
  idCard('chang-weng-si', 'Adult permanent resident with no relation on file (kinship verification)', {
    serial: '1534568',
    nameZh: '曾詠詩',
    nameLatin: 'CHANG WENG SI',
    sex: 'F',
    dateOfBirth: '1995-12-12',
    permanent: true,
    firstIssue: '2013-01-10',
    currentIssue: '2023-05-02',
    expiry: '2033-05-02',
  }),
  idCard('ip-ka-man', 'Non-permanent minor (born 2014) whose mother holds a Macau ID card (ip-mother)', {
    serial: '5701234',
    nameZh: '葉家敏',
    nameLatin: 'IP KA MAN',
    sex: 'M',
    dateOfBirth: '2014-03-03',
    permanent: false,
    firstIssue: '2019-03-20',
    currentIssue: '2024-03-20',
    expiry: '2026-12-20',
  }),
  idCard('ip-mother', 'Mother of IP KA MAN, adult permanent resident (guardian)', {
    serial: '1703456',
    nameZh: '馮慧玲',
    nameLatin: 'FONG WAI LENG',
    sex: 'F',
    dateOfBirth: '1984-08-18',
    permanent: true,
    firstIssue: '2002-09-01',
    currentIssue: '2021-09-01',
    expiry: '2031-09-01',
  }),
  idCard('technician', "A DSI technician's ID card: opens maintenance mode (test mode; PIN 2468)", {
    serial: '1909001',
    nameZh: '梁志強',
    nameLatin: 'LEONG CHI KEONG',
    sex: 'M',
    dateOfBirth: '1980-02-14',
    permanent: true,
    firstIssue: '1998-06-01',
    currentIssue: '2020-06-01',
    expiry: '2030-06-01',
  }),
];

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
