import type { KinshipRecord } from '../../electron/host/backoffice/wire.js';
import { formatCardNumber as card } from '../card-reader/card-number.js';
import { ALL_ON_FILE, PARENTS_ON_FILE, type Resident } from './resident.js';

/** Each of CHAN TAI MAN's relatives, as the back office knows them: on file with nothing special. */
const RELATIVE_OF_CHAN: NonNullable<Resident['onFile']> = {
  branch: 'relative of CHAN TAI MAN (kinship certificate)',
  kinship: { onFile: ALL_ON_FILE, relatives: [] },
};

/**
 * Nine relatives of CHAN TAI MAN, each with a card and a file: enough for an 8-person kinship
 * application, and one too many. `relation` is what each is to him, so his file lists them.
 */
const CHAN_FAMILY: ReadonlyArray<{ relation: KinshipRecord['relatives'][number]['relation']; resident: Resident }> = [
  {
    relation: 'parent',
    resident: {
      id: 'chan-father',
      serial: '1100001',
      nameZh: '陳志明',
      nameLatin: 'CHAN CHI MENG',
      sex: 'M',
      dateOfBirth: '1955-02-03',
      card: { firstIssue: '1990-01-10', currentIssue: '2023-05-02', expiry: null },
      chip: { label: 'Father of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'parent',
    resident: {
      id: 'chan-mother',
      serial: '1100002',
      nameZh: '李美玲',
      nameLatin: 'LEI MEI LENG',
      sex: 'F',
      dateOfBirth: '1958-06-14',
      card: { firstIssue: '1990-01-10', currentIssue: '2023-05-02', expiry: null },
      chip: { label: 'Mother of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'spouse',
    resident: {
      id: 'chan-spouse',
      serial: '1100003',
      nameZh: '何慧君',
      nameLatin: 'HO WAI KUAN',
      sex: 'F',
      dateOfBirth: '1987-09-21',
      card: { firstIssue: '2005-01-10', currentIssue: '2023-05-02', expiry: '2033-05-02' },
      chip: { label: 'Wife of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'child',
    resident: {
      id: 'chan-son',
      serial: '1100014',
      nameZh: '陳家豪',
      nameLatin: 'CHAN KA HOU',
      sex: 'M',
      dateOfBirth: '2012-04-08',
      card: { firstIssue: '2013-01-10', currentIssue: '2023-05-02', expiry: '2028-05-02' },
      chip: { label: 'Son of CHAN TAI MAN, a minor (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'child',
    resident: {
      id: 'chan-daughter',
      serial: '1100005',
      nameZh: '陳家慧',
      nameLatin: 'CHAN KA WAI',
      sex: 'F',
      dateOfBirth: '2015-11-30',
      card: { firstIssue: '2016-01-10', currentIssue: '2023-05-02', expiry: '2028-05-02' },
      chip: { label: 'Daughter of CHAN TAI MAN, a minor (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'sibling',
    resident: {
      id: 'chan-brother',
      serial: '1100006',
      nameZh: '陳大偉',
      nameLatin: 'CHAN TAI WAI',
      sex: 'M',
      dateOfBirth: '1988-01-19',
      card: { firstIssue: '2006-01-10', currentIssue: '2023-05-02', expiry: '2033-05-02' },
      chip: { label: 'Brother of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'sibling',
    resident: {
      id: 'chan-sister',
      serial: '1100007',
      nameZh: '陳美儀',
      nameLatin: 'CHAN MEI I',
      sex: 'F',
      dateOfBirth: '1990-07-07',
      card: { firstIssue: '2008-01-10', currentIssue: '2023-05-02', expiry: '2033-05-02' },
      chip: { label: 'Sister of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'paternal-grandparent',
    resident: {
      id: 'chan-grandfather',
      serial: '1100008',
      nameZh: '陳國雄',
      nameLatin: 'CHAN KUOK HONG',
      sex: 'M',
      dateOfBirth: '1930-03-03',
      card: { firstIssue: '1990-01-10', currentIssue: '2023-05-02', expiry: null },
      chip: { label: 'Paternal grandfather of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
  {
    relation: 'maternal-grandparent',
    resident: {
      id: 'chan-grandmother',
      serial: '1100009',
      nameZh: '黃秀英',
      nameLatin: 'WONG SAO YENG',
      sex: 'F',
      dateOfBirth: '1934-12-12',
      card: { firstIssue: '1990-01-10', currentIssue: '2023-05-02', expiry: null },
      chip: { label: 'Maternal grandmother of CHAN TAI MAN (kinship)' },
      onFile: RELATIVE_OF_CHAN,
    },
  },
];

/** The kinship residents: CHAN TAI MAN and his family, and IP KA MAN (a non-permanent minor) with his mother. */
export const KINSHIP_RESIDENTS: readonly Resident[] = [
  ...CHAN_FAMILY.map(({ resident }) => resident),
  {
    id: 'ip-ka-man',
    serial: '5701234',
    nameZh: '葉家敏',
    nameLatin: 'IP KA MAN',
    sex: 'M',
    dateOfBirth: '2014-03-03',
    card: { firstIssue: '2019-03-20', currentIssue: '2024-03-20', expiry: '2026-12-20' },
    chip: { label: 'Non-permanent minor (born 2014) whose mother holds a Macau ID card (ip-mother)' },
    onFile: {
      branch: 'non-permanent minor whose mother (ip-mother) holds a Macau ID card on file',
      person: { relationsOnFile: PARENTS_ON_FILE },
      residenceCertificate: { status: 'held', issuedOn: '2026-11-01', validUntil: '2027-01-29' },
      guardians: [{ relation: 'mother', holdsMacauIdCard: true, cardNumber: card('1703456') }, { relation: 'father', holdsMacauIdCard: false }],
      kinship: { onFile: PARENTS_ON_FILE, relatives: [{ relation: 'parent', cardNumber: card('1703456') }] },
    },
  },
  {
    id: 'ip-mother',
    serial: '1703456',
    nameZh: '馮慧玲',
    nameLatin: 'FONG WAI LENG',
    sex: 'F',
    dateOfBirth: '1984-08-18',
    card: { firstIssue: '2002-09-01', currentIssue: '2021-09-01', expiry: '2031-09-01' },
    chip: { label: 'Mother of IP KA MAN, adult permanent resident (guardian)' },
    onFile: {
      branch: 'mother of IP KA MAN, adult permanent resident',
      person: { maritalStatus: 'married' },
      kinship: { onFile: ALL_ON_FILE, relatives: [{ relation: 'child', cardNumber: card('5701234') }] },
    },
  },
  {
    id: 'chan-tai-man',
    serial: '1234567',
    nameZh: '陳大文',
    nameLatin: 'CHAN TAI MAN',
    sex: 'M',
    dateOfBirth: '1985-03-12',
    card: { firstIssue: '2003-04-01', currentIssue: '2022-07-18', expiry: '2032-07-18' },
    chip: { label: 'Adult permanent resident, valid card', protectedData: { fatherName: '陳志明 CHAN CHI MENG', motherName: '李美玲 LEI MEI LENG', maritalStatus: 'married', otherNames: [] } },
    onFile: {
      branch: 'permanent, aged 25+ on the issue date, married, kinship on file, 9 relatives, photo',
      person: { maritalStatus: 'married' },
      photoShareCode: 'PHOTO-CTM-2026',
      kinship: { onFile: ALL_ON_FILE, relatives: CHAN_FAMILY.map(({ relation, resident }) => ({ relation, cardNumber: card(resident.serial) })) },
    },
  },
];
