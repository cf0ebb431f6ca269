// Assembles the calendar module: the working-time calendar over the bundled schedules and
// administrators' entries, and its routes. server.ts builds it with the one unit directory (the
// ministry-wide edit rule reads the tree); cli.ts builds the service for its commands.
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { registerCalendarRoutes } from './routes.ts';
import { createCalendarService, type CalendarService } from './service.ts';

export { CALENDAR_CACHE_TTL_MS } from './service.ts';

export interface CalendarModule extends Module {
  service: CalendarService;
}

export function createCalendarModule(deps: ModuleDeps & { service?: CalendarService }): CalendarModule {
  const service = deps.service ?? createCalendarService(deps.db, deps.config, deps.units);
  return {
    service,
    async register(app) {
      await app.register(async (api) => registerCalendarRoutes(api, { calendar: service }), { prefix: API_PREFIX });
    },
  };
}
