// Vietnamese lunisolar calendar (âm lịch), after the astronomical algorithm published by
// Hồ Ngọc Đức ("Thuật toán tính âm lịch"): lunar months start on the day of the new moon, the
// 11th month is the one containing the winter solstice, and in a 13-month year the first month
// without a major solar term (trung khí) is the leap month. Days are reckoned in UTC+07:00,
// which is why Vietnamese and Chinese (UTC+08:00) dates sometimes differ (e.g. Tết 1985).
// New moons and sun longitude use the low-precision formulas of Jean Meeus, "Astronomical
// Algorithms", as in the reference implementation.
import { assertSupportedYear } from './range.ts';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True in the leap (nhuận) repetition of `month`. */
  leap: boolean;
}

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0 in `newMoon`). */
const NEW_MOON_EPOCH = 2415021.076998695;
const DR = Math.PI / 180;
const INT = Math.floor;

/** Julian day number of a Gregorian date. */
function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}

function jdToDate(jd: number): SolarDate {
  const a = jd + 32044;
  const b = INT((4 * a + 3) / 146097);
  const c = a - INT((b * 146097) / 4);
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return {
    day: e - INT((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * INT(m / 10),
    year: b * 100 + d - 4800 + INT(m / 10),
  };
}

/** Julian day (UT, fractional) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 += -0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr) - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 += 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 += -0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 += -0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 += 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, normalized to [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  dl += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const l = (L0 + dl) * DR;
  return l - 2 * Math.PI * INT(l / (2 * Math.PI));
}

/** Sun-longitude sector (0–11, 30° each) at local midnight starting day `dayNumber`. */
const sunSector = (dayNumber: number): number =>
  INT((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

/** Julian day number of the local day containing the k-th new moon. */
const newMoonDay = (k: number): number => INT(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** Start (Julian day number) of lunar month 11 — the month containing the winter solstice — of solar year `yy`. */
function lunarMonth11(yy: number): number {
  const k = INT((jdFromDate(31, 12, yy) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 `a11`, the offset of the leap month (first month without a major term). */
function leapMonthOffset(a11: number): number {
  const k = INT((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The range the algorithm is published and checked for (SUPPORTED_YEARS). */
function checkYear(year: number): void {
  assertSupportedYear(year, 'Lunar conversion');
}

/** Converts a Gregorian date to the Vietnamese lunar date. */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  checkYear(year);
  const dayNumber = jdFromDate(day, month, year);
  const back = jdToDate(dayNumber);
  if (![year, month, day].every(Number.isInteger) || back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Invalid solar date ${year}-${month}-${day}`);
  }
  // The mean-month estimate of k can be one month off where the true new moon strays from the
  // mean one (the published version only steps back once, and gave day 0 on 2062-04-08).
  let k = INT((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= dayNumber) k++;
  while (newMoonDay(k) > dayNumber) k--;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const diff = INT((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: dayNumber - monthStart + 1, leap };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date. Throws a RangeError when the date does
 * not exist (a leap flag on a month that is not the year's leap month, or day 30 of a 29-day month).
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): SolarDate {
  checkYear(lunarYear);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12 || !Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) {
    throw new RangeError(`Invalid lunar date ${lunarYear}/${lunarMonth}/${lunarDay}`);
  }
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)]
      : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  let off = (lunarMonth - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    const leapMonth = (leapOff - 2 + 12) % 12;
    if (leap && lunarMonth !== leapMonth) {
      throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${lunarYear} has no leap month`);
  }
  const k = INT(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const solar = jdToDate(newMoonDay(k + off) + lunarDay - 1);
  const check = solarToLunar(solar.year, solar.month, solar.day);
  if (check.day !== lunarDay) {
    throw new RangeError(`Lunar month ${lunarMonth}${leap ? ' (leap)' : ''} of ${lunarYear} has no day ${lunarDay}`);
  }
  return solar;
}
