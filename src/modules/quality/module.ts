// Assembles the quality module: the Decision 766 index of a bundle for a period, over the calendar
// module's working calendar (official schedules, administrators' entries, rules). No routes yet:
// the bundle is built from the app's own data by a later use case; `motcua index766 compute`
// (cli.ts) takes it from a file.
import {
  computeIndex,
  resolveSettings,
  type DeepPartial,
  type IndexResult,
  type Period,
  type QualityBundle,
  type QualitySettings,
} from '../../core/quality/index.ts';
import type { CalendarModule } from '../calendar/module.ts';
import type { Module } from '../module.ts';

export interface QualityModule extends Module {
  /** The index of `bundle` for `period` (settings over the defaults; as of `now` for a period not over). */
  computeIndex(bundle: QualityBundle, period: Period, options?: { settings?: DeepPartial<QualitySettings>; explain?: boolean; now?: Date }): Promise<IndexResult>;
}

export function createQualityModule(deps: { calendar: Pick<CalendarModule, 'service'> }): QualityModule {
  return {
    async computeIndex(bundle, period, options = {}) {
      const workingDays = await deps.calendar.service.calendar();
      return computeIndex(bundle, period, resolveSettings(options.settings), {
        workingDays,
        ...(options.explain ? { explain: true } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
    },
    register() {},
  };
}
