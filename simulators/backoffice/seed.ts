import { formatCardNumber } from '../card-reader/card-number.js';
import { faceJpeg } from '../card-reader/face-image.js';
import type { KinshipRecord, PersonRecord } from '../../electron/host/backoffice/wire.js';

/**
 * Fictional residents the back-office simulator knows, one or more per branch of the service rules
 * (docs/service-rules.md). Every name, number and date is invented. Those whose ids match
 * a card profile (simulators/card-reader/profiles.ts) have the same card number, so a card placed on
 * the simulated reader finds its file here.
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

const ALL_ON_FILE = { parents: true, children: true, spouse: true };
const NONE_ON_FILE = { parents: false, children: false, spouse: false };
const CAPTURE = { tenFingerprints: false, height: true };

function adult(dateOfBirth: string, extra: Partial<PersonRecord['person']> = {}): PersonRecord['person'] {
  return {
    dateOfBirth,
    interdiction: 'none',
    maritalStatus: 'single',
    relationsOnFile: ALL_ON_FILE,
    fingerprintsReadable: true,
    captureNeeds: CAPTURE,
    ...extra,
  };
}

const card = formatCardNumber;

/** Nine relatives of CHAN TAI MAN: enough for an 8-person kinship application, and one too many. */
const CHAN_RELATIVES: KinshipRecord['relatives'] = [
  { relation: 'parent', cardNumber: card('1100001') },
  { relation: 'parent', cardNumber: card('1100002') },
  { relation: 'spouse', cardNumber: card('1100003') },
  { relation: 'child', cardNumber: card('1100014') },
  { relation: 'child', cardNumber: card('1100005') },
  { relation: 'sibling', cardNumber: card('1100006') },
  { relation: 'sibling', cardNumber: card('1100007') },
  { relation: 'paternal-grandparent', cardNumber: card('1100008') },
  { relation: 'maternal-grandparent', cardNumber: card('1100009') },
];

/** CHAN TAI MAN's relatives hold cards too (card profiles of the same ids): id, serial, names, date of birth. */
const CHAN_RELATIVE_RESIDENTS: SeedResident[] = (
  [
    ['chan-father', '1100001', '陳志明', 'CHAN CHI MENG', '1955-02-03'],
    ['chan-mother', '1100002', '李美玲', 'LEI MEI LENG', '1958-06-14'],
    ['chan-spouse', '1100003', '何慧君', 'HO WAI KUAN', '1987-09-21'],
    ['chan-son', '1100014', '陳家豪', 'CHAN KA HOU', '2012-04-08'],
    ['chan-daughter', '1100005', '陳家慧', 'CHAN KA WAI', '2015-11-30'],
    ['chan-brother', '1100006', '陳大偉', 'CHAN TAI WAI', '1988-01-19'],
    ['chan-sister', '1100007', '陳美儀', 'CHAN MEI I', '1990-07-07'],
    ['chan-grandfather', '1100008', '陳國雄', 'CHAN KUOK HONG', '1930-03-03'],
    ['chan-grandmother', '1100009', '黃秀英', 'WONG SAO YENG', '1934-12-12'],
  ] as const
).map(([id, serial, nameZh, nameLatin, dateOfBirth]) => ({
  id,
  branch: `relative of CHAN TAI MAN (kinship certificate)`,
  cardNumber: card(serial),
  nameZh,
  nameLatin,
  record: { person: adult(dateOfBirth), guardians: [] },
  kinship: { onFile: ALL_ON_FILE, relatives: [] },
}));

export const SEED_RESIDENTS: readonly SeedResident[] = [
  ...CHAN_RELATIVE_RESIDENTS,
  {
    id: 'ip-ka-man',
    branch: 'non-permanent minor whose mother (ip-mother) holds a Macau ID card on file',
    cardNumber: card('5701234'),
    nameZh: '葉家敏',
    nameLatin: 'IP KA MAN',
    record: {
      person: adult('2014-03-03', { relationsOnFile: { parents: true, children: false, spouse: false } }),
      residenceCertificate: { status: 'held', issuedOn: '2026-11-01', validUntil: '2027-01-29' },
      guardians: [
        { relation: 'mother', holdsMacauIdCard: true, cardNumber: card('1703456') },
        { relation: 'father', holdsMacauIdCard: false },
      ],
    },
    kinship: { onFile: { parents: true, children: false, spouse: false }, relatives: [{ relation: 'parent', cardNumber: card('1703456') }] },
  },
  {
    id: 'ip-mother',
    branch: 'mother of IP KA MAN, adult permanent resident',
    cardNumber: card('1703456'),
    nameZh: '馮慧玲',
    nameLatin: 'FONG WAI LENG',
    record: { person: adult('1984-08-18', { maritalStatus: 'married' }), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [{ relation: 'child', cardNumber: card('5701234') }] },
  },
  {
    id: 'chan-tai-man',
    branch: 'permanent, aged 25+ on the issue date, married, kinship on file, 9 relatives, photo',
    cardNumber: card('1234567'),
    nameZh: '陳大文',
    nameLatin: 'CHAN TAI MAN',
    record: { person: adult('1985-03-12', { maritalStatus: 'married' }), guardians: [], photoShareCode: 'PHOTO-CTM-2026' },
    kinship: { onFile: ALL_ON_FILE, relatives: CHAN_RELATIVES },
  },
  {
    id: 'young-adult',
    branch: 'permanent, aged 18–24 on the issue date (office hours only)',
    cardNumber: card('1201458'),
    nameZh: '鄭家欣',
    nameLatin: 'CHEANG KA IAN',
    record: { person: adult('2001-05-10'), guardians: [], photoShareCode: 'PHOTO-CKI-2026' },
    kinship: { onFile: { parents: true, children: false, spouse: false }, relatives: [{ relation: 'parent', cardNumber: card('1100011') }] },
  },
  {
    id: 'wong-siu-ming',
    branch: 'minor accompanied by parents',
    cardNumber: card('1576324'),
    nameZh: '黃小明',
    nameLatin: 'WONG SIU MENG',
    record: {
      person: adult('2015-09-30'),
      guardians: [
        { relation: 'father', holdsMacauIdCard: true, cardNumber: card('1588002') },
        { relation: 'mother', holdsMacauIdCard: true },
      ],
    },
    kinship: { onFile: { parents: true, children: false, spouse: false }, relatives: [] },
  },
  {
    id: 'minor-with-guardian',
    branch: 'minor whose legal guardian (not a parent) holds a Macau ID card',
    cardNumber: card('1612347'),
    nameZh: '區樂怡',
    nameLatin: 'AU LOK I',
    record: {
      person: adult('2012-02-14', { relationsOnFile: NONE_ON_FILE }),
      guardians: [{ relation: 'guardian', holdsMacauIdCard: true, cardNumber: card('1599112') }],
    },
    kinship: { onFile: NONE_ON_FILE, relatives: [] },
  },
  {
    id: 'minor-guardian-no-id',
    branch: 'non-permanent minor whose guardian has no Macau ID card',
    cardNumber: card('5612341'),
    nameZh: '',
    nameLatin: 'ANA PEREIRA LIMA',
    record: {
      person: adult('2013-07-01', { relationsOnFile: NONE_ON_FILE }),
      residenceCertificate: { status: 'held', issuedOn: '2026-10-01', validUntil: '2026-12-30' },
      guardians: [{ relation: 'guardian', holdsMacauIdCard: false }],
    },
    kinship: { onFile: NONE_ON_FILE, relatives: [] },
  },
  {
    id: 'maria-santos',
    branch: 'non-permanent, valid PSP residence certificate',
    cardNumber: card('5123458'),
    nameZh: '',
    nameLatin: 'MARIA DA CONCEICAO SANTOS',
    record: {
      // Ten prints are taken again at this renewal (the back office asks for them).
      person: adult('1990-11-02', { relationsOnFile: { parents: false, children: false, spouse: false }, captureNeeds: { tenFingerprints: true, height: true } }),
      residenceCertificate: { status: 'held', issuedOn: '2026-11-02', validUntil: '2027-01-30' },
      guardians: [],
      photoShareCode: 'PHOTO-MDS-2026',
    },
    kinship: { onFile: NONE_ON_FILE, relatives: [] },
  },
  {
    id: 'nonpermanent-cert-expired',
    branch: 'non-permanent, residence certificate expired',
    cardNumber: card('5234561'),
    nameZh: '阮氏梅',
    nameLatin: 'NGUYEN THI MAI',
    record: {
      person: adult('1987-03-03'),
      residenceCertificate: { status: 'held', issuedOn: '2026-05-01', validUntil: '2026-07-29' },
      guardians: [],
    },
    kinship: { onFile: ALL_ON_FILE, relatives: [] },
  },
  {
    id: 'nonpermanent-cert-missing',
    branch: 'non-permanent, no residence certificate received',
    cardNumber: card('5345672'),
    nameZh: '',
    nameLatin: 'JOHN PAUL REYES',
    record: { person: adult('1992-09-09'), residenceCertificate: { status: 'missing' }, guardians: [] },
    kinship: { onFile: NONE_ON_FILE, relatives: [] },
  },
  {
    id: 'lifetime',
    branch: 'permanent, card valid for life',
    cardNumber: card('1357913'),
    nameZh: '何金華',
    nameLatin: 'HO KAM WA',
    record: { person: adult('1950-01-08', { maritalStatus: 'widowed' }), guardians: [] },
    kinship: { onFile: { parents: false, children: true, spouse: true }, relatives: [{ relation: 'child', cardNumber: card('1100022') }] },
  },
  {
    id: 'expired',
    branch: 'permanent, card expired',
    cardNumber: card('1069042'),
    nameZh: '林美玲',
    nameLatin: 'LAM MEI LENG',
    record: { person: adult('1979-06-21'), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [] },
  },
  {
    id: 'interdicted',
    branch: 'interdicted person (禁治產)',
    cardNumber: card('1423456'),
    nameZh: '馮志強',
    nameLatin: 'FONG CHI KEONG',
    record: { person: adult('1968-04-04', { interdiction: 'interdicted' }), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [] },
  },
  {
    id: 'kinship-not-on-file',
    branch: 'permanent adult with no relation on file (kinship verification first)',
    cardNumber: card('1534568'),
    nameZh: '曾詠詩',
    nameLatin: 'CHANG WENG SI',
    record: { person: adult('1995-12-12', { relationsOnFile: NONE_ON_FILE }), guardians: [] },
    kinship: { onFile: NONE_ON_FILE, relatives: [] },
  },
  {
    id: 'pin-blocked',
    branch: 'permanent adult (card PIN blocked)',
    cardNumber: card('1470258'),
    nameZh: '梁家榮',
    nameLatin: 'LEONG KA WENG',
    record: { person: adult('1972-12-01'), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [] },
  },
  {
    id: 'refused-at-submission',
    branch: 'eligible at the kiosk, but the back office refuses the application (card reported lost meanwhile): payment reversed',
    cardNumber: card('1645678'),
    nameZh: '譚美華',
    nameLatin: 'TAM MEI WA',
    record: { person: adult('1980-08-08'), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [] },
    refuseApplications: 'card-reported-lost',
  },
  {
    id: 'wong-father',
    branch: 'father of WONG SIU MENG, child on file (contact change for a minor child)',
    cardNumber: card('1588002'),
    nameZh: '黃志偉',
    nameLatin: 'WONG CHI WAI',
    record: { person: adult('1982-05-20', { maritalStatus: 'married' }), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [{ relation: 'child', cardNumber: card('1576324') }] },
  },
  {
    id: 'au-guardian',
    branch: 'legal guardian of AU LOK I (contact change for a ward)',
    cardNumber: card('1599112'),
    nameZh: '區美儀',
    nameLatin: 'AU MEI I',
    record: { person: adult('1975-10-03'), guardians: [] },
    kinship: { onFile: ALL_ON_FILE, relatives: [] },
  },
  {
    id: 'ip-ka-lok',
    branch: 'single adult, recently married (marital status to married)',
    cardNumber: card('1691234'),
    nameZh: '葉家樂',
    nameLatin: 'IP KA LOK',
    record: { person: adult('1992-02-03'), guardians: [] },
    kinship: { onFile: { parents: true, children: false, spouse: false }, relatives: [] },
  },
  {
    id: 'lou-sio-fong',
    branch: "IP KA LOK's spouse (marital status to married)",
    cardNumber: card('1702345'),
    nameZh: '盧少芳',
    nameLatin: 'LOU SIO FONG',
    record: { person: adult('1994-07-15'), guardians: [] },
    kinship: { onFile: { parents: true, children: false, spouse: false }, relatives: [] },
  },
];

/** Photos behind 一戶通 share codes; the simulators carry one silhouette, no real face. */
export function seedPhotos(): Array<{ shareCode: string; jpeg: Uint8Array; takenOn: string }> {
  return SEED_RESIDENTS.flatMap((r) => (r.record.photoShareCode ? [{ shareCode: r.record.photoShareCode, jpeg: faceJpeg(), takenOn: '2026-03-01' }] : []));
}
