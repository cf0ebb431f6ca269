// Assembles the payments module: the PayGov client (default: the emulator this server mounts),
// the use cases of online and counter payment, and the routes PayGov calls. server.ts builds it
// before the modules that take payments (the dossiers module registers its onPaid listener).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { API_PREFIX, type Module, type ModuleDeps } from '../module.ts';
import { PaygovClient } from './client.ts';
import { PAYGOV_CALLBACK_ROUTE, PAYGOV_RETURN_ROUTE, registerPaymentRoutes } from './routes.ts';
import { createPaymentsService, type PaymentsService } from './service.ts';

// What other modules use of payments (through this file only).
export type { PaidListener, PaymentsService } from './service.ts';
export type { Payment } from './store.ts';
export type { FeeLine, PaymentChannel, PaymentStatus } from './tables.ts';
export type { CounterPaymentInput, InitiatePaymentInput } from './schema.ts';
export { nationalSyncPayment, type NationalSyncPayment, type NationalSyncFeeLine } from './national-sync.ts';

/** Where PayGov sends results: register these (on PUBLIC_URL) with the platform. */
export const PAYGOV_CALLBACK_PATH = `${API_PREFIX}${PAYGOV_CALLBACK_ROUTE}`;
export const PAYGOV_RETURN_PATH = `${API_PREFIX}${PAYGOV_RETURN_ROUTE}`;
export const PAYMENT_EMULATOR_PATH = '/emulators/payment/';

/** The client of the configured platform (default: the emulator on this server, once it listens). */
export function createPaygovClient(config: Config, server: () => FastifyInstance | undefined): PaygovClient {
  return new PaygovClient({
    url:
      config.PAYGOV_URL ??
      (() => {
        const address = server()?.server.address();
        if (!address || typeof address === 'string') return undefined;
        const host =
          address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address.includes(':') ? `[${address.address}]` : address.address;
        return `http://${host}:${address.port}${PAYMENT_EMULATOR_PATH}`;
      }),
    partnerCode: config.PAYGOV_PARTNER_CODE,
    secret: config.PAYGOV_SECRET,
    timeoutMs: config.PAYGOV_TIMEOUT_MS,
  });
}

export interface PaymentsModule extends Module, PaymentsService {
  service: PaymentsService;
  client: PaygovClient;
}

export function createPaymentsModule(deps: ModuleDeps & { client?: PaygovClient; now?: () => Date }): PaymentsModule {
  let server: FastifyInstance | undefined;
  const client = deps.client ?? createPaygovClient(deps.config, () => server);
  const service = createPaymentsService({ db: deps.db, client, ...(deps.now ? { now: deps.now } : {}) });
  return {
    ...service,
    service,
    client,
    async register(app) {
      server = app;
      await app.register(async (api) => registerPaymentRoutes(api, { payments: service }), { prefix: API_PREFIX });
    },
  };
}
