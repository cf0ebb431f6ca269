// The month before today's (Vietnam's local date) for tests of figures over a month that is over:
// `YYYY-MM`, its 15th at noon, and how the pages write it ("Tháng 11/2026").
import { toLocalDate } from '../../src/core/calendar/index.ts';

export function previousMonth(): { month: string; middle: Date; label: string } {
  const [y, m] = toLocalDate(new Date()).split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const text = `${year}-${String(month).padStart(2, '0')}`;
  return { month: text, middle: new Date(`${text}-15T12:00:00+07:00`), label: `Tháng ${text.slice(5)}/${year}` };
}
