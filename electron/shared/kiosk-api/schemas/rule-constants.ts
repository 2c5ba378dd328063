/**
 * Values the seeds state plainly. They are law or published policy, not tuning, so they live
 * in code next to their citation; values the seeds leave open are in config/kiosk-rules.json.
 */
export const RULES = {
  /** Renew within the 6 months before expiry, or after it. [001 ID Q1A, Q24D, Q31] */
  renewalWindowMonths: 6,
  /** BIRNP renewal at a kiosk: aged 5 or more on the current issue date. [000] */
  nonPermanentMinAgeOnIssue: 5,
  /** Adulthood: guardian needed below it; several services kiosk-only from it. [000, 003, 001] */
  adultAge: 18,
  /** BIRP renewal 24 hours from this age on the current issue date, else office hours. [001 ID Q31] */
  anyTimeRenewalAgeOnIssue: 25,
  /** Related persons per kinship-certificate application. [003] */
  maxRelatives: 8,
  /** Marital status via kiosk within 60 days of the registration. [001 ID Q16] */
  marriageWindowDays: 60,
  /** 一戶通 "ID photo" must be taken within the last year. [000] */
  oneAccountPhotoMaxAgeDays: 365,
  /** Uncollected ID cards are destroyed 6 months after issue. [001 ID Q22] */
  uncollectedCardDestroyedAfterMonths: 6,
  /** Kinship verification result within 5 working days. [001 kinship Q3, Q5] */
  kinshipVerificationWorkingDays: 5,
  /** Contact details updated within 3 working days. [001 ID Q18] */
  contactUpdateWorkingDays: 3,
} as const;
