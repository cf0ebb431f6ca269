// Names of the public holidays of Labor Code 2019 Art. 112(1), and of the days off derived from them.
import type { LocalizedText } from './types.ts';

export const HOLIDAY_NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  victory: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labour: { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh', en: 'National Day' },
  cultureDay: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
} as const satisfies Record<string, LocalizedText>;

export type HolidayKey = keyof typeof HOLIDAY_NAMES;

/** Nghỉ bù: a holiday that fell on a weekly day off (Labor Code 2019 Art. 111(3)). */
export const compensatoryName = (holiday: LocalizedText): LocalizedText => ({
  vi: `Nghỉ bù ${holiday.vi}`,
  en: `Compensatory day off (${holiday.en})`,
});

/** Nghỉ hoán đổi: a working day given off in exchange for a working Saturday. */
export const swapOffName = (holiday: LocalizedText): LocalizedText => ({
  vi: `Nghỉ hoán đổi dịp ${holiday.vi}`,
  en: `Swapped day off (${holiday.en})`,
});
