// Assembles the identifiers module: the checks of identifiers the law defines (core/identifiers)
// and their public routes. It needs nothing of the database or of other modules.
import { checkAgencyId, checkPersonalId } from '../../core/identifiers/index.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { registerIdentifierRoutes } from './routes.ts';

export interface IdentifiersModule extends Module {
  checkPersonalId: typeof checkPersonalId;
  checkAgencyId: typeof checkAgencyId;
}

export function createIdentifiersModule(_deps?: Partial<ModuleDeps>): IdentifiersModule {
  return {
    checkPersonalId,
    checkAgencyId,
    async register(app) {
      await app.register(async (api) => registerIdentifierRoutes(api), { prefix: API_PREFIX });
    },
  };
}
