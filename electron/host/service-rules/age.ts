/** Completed years of age on a date, as the rules read "aged N on the current issue date". */
import { isLeapYear, parseLocalDate, type LocalDate } from '../../shared/calendar/local-date.js';

/**
 * A birthday counts as completed on the anniversary day itself. Someone born on 29 February
 * has their birthday in a common year on 28 February or 1 March, as configured
 * (kiosk-rules.json `leapDayBirthday`); 1 March is the conservative default because every rule
 * here grants something from an age, so a later birthday never grants too early.
 */
export function ageOn(
  dateOfBirth: LocalDate,
  on: LocalDate,
  leapDayBirthday: 'february-28' | 'march-1',
): number {
  const birth = parseLocalDate(dateOfBirth);
  const day = parseLocalDate(on);
  let anniversaryMonth = birth.month;
  let anniversaryDay = birth.day;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(day.year)) {
    [anniversaryMonth, anniversaryDay] = leapDayBirthday === 'february-28' ? [2, 28] : [3, 1];
  }
  const beforeAnniversary =
    day.month < anniversaryMonth || (day.month === anniversaryMonth && day.day < anniversaryDay);
  return day.year - birth.year - (beforeAnniversary ? 1 : 0);
}
