import { formatCardNumber as card } from '../card-reader/card-number.js';
import { ALL_ON_FILE, PARENTS_ON_FILE, type Resident } from './resident.js';

/** Own data for someone else or a change of status: a parent, a guardian, a couple (contact change, marriage). */
export const OWN_DATA_RESIDENTS: readonly Resident[] = [
  {
    id: 'wong-father',
    serial: '1588002',
    nameZh: '黃志偉',
    nameLatin: 'WONG CHI WAI',
    sex: 'M',
    dateOfBirth: '1982-05-20',
    card: { firstIssue: '2000-06-01', currentIssue: '2021-05-20', expiry: '2031-05-20' },
    chip: { label: "Father of WONG SIU MENG (child on file): changes his minor son's contact details" },
    onFile: {
      branch: 'father of WONG SIU MENG, child on file (contact change for a minor child)',
      person: { maritalStatus: 'married' },
      kinship: { onFile: ALL_ON_FILE, relatives: [{ relation: 'child', cardNumber: card('1576324') }] },
    },
  },
  {
    id: 'au-guardian',
    serial: '1599112',
    nameZh: '區美儀',
    nameLatin: 'AU MEI I',
    sex: 'F',
    dateOfBirth: '1975-10-03',
    card: { firstIssue: '1994-01-12', currentIssue: '2019-10-03', expiry: '2029-10-03' },
    chip: { label: 'Legal guardian of AU LOK I (a ward): changes her contact details' },
    onFile: {
      branch: 'legal guardian of AU LOK I (contact change for a ward)',
      kinship: { onFile: ALL_ON_FILE, relatives: [] },
    },
  },
  {
    id: 'ip-ka-lok',
    serial: '1691234',
    nameZh: '葉家樂',
    nameLatin: 'IP KA LOK',
    sex: 'M',
    dateOfBirth: '1992-02-03',
    card: { firstIssue: '2010-03-01', currentIssue: '2024-02-03', expiry: '2034-02-03' },
    chip: { label: 'Single adult, married recently: changes his marital status to married' },
    onFile: {
      branch: 'single adult, recently married (marital status to married)',
      kinship: { onFile: PARENTS_ON_FILE, relatives: [] },
    },
  },
  {
    id: 'lou-sio-fong',
    serial: '1702345',
    nameZh: '盧少芳',
    nameLatin: 'LOU SIO FONG',
    sex: 'F',
    dateOfBirth: '1994-07-15',
    card: { firstIssue: '2012-08-20', currentIssue: '2022-07-15', expiry: '2032-07-15' },
    chip: { label: "IP KA LOK's spouse, valid smart card" },
    onFile: {
      branch: "IP KA LOK's spouse (marital status to married)",
      kinship: { onFile: PARENTS_ON_FILE, relatives: [] },
    },
  },
];
