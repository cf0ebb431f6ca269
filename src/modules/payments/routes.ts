// HTTP routes of the payments module (under /api/v1): what PayGov calls. Both are public: they
// are authenticated by the result's checksum (MaXacThuc), and a result is then confirmed by a
// CHECK call before anything is recorded.
//   POST /payments/paygov/callback   the platform's server-to-server result
//   GET  /payments/paygov/return     the browser coming back from the payment page
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ProblemError, problemSchema } from '../../http/problem.ts';
import { PaygovCallbackAnswer, PaygovResult, PaygovReturnQuery } from './schema.ts';
import type { PaymentsService } from './service.ts';

export const PAYGOV_CALLBACK_ROUTE = '/payments/paygov/callback';
export const PAYGOV_RETURN_ROUTE = '/payments/paygov/return';

export function registerPaymentRoutes(api: FastifyInstance, deps: { payments: PaymentsService }): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { payments } = deps;

  app.post(
    PAYGOV_CALLBACK_ROUTE,
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Payment result from PayGov (server to server; authenticated by MaXacThuc, confirmed by CHECK)',
        body: PaygovResult,
        response: { 200: PaygovCallbackAnswer, 400: problemSchema, 404: problemSchema, 502: problemSchema, 503: problemSchema },
      },
    },
    async (request) => {
      const payment = await payments.acceptResult(request.body);
      if (payment.status === 'initiated') {
        // The platform said it had a result, but CHECK does not (yet): let it deliver again.
        throw new ProblemError('payment_unavailable', {
          detail: {
            vi: 'Nền tảng thanh toán chưa xác nhận kết quả giao dịch; vui lòng gửi lại sau.',
            en: 'The payment platform has not confirmed the result yet; please deliver it again later.',
          },
        });
      }
      // Received (a second or late delivery of a recorded result is received too).
      return { MaKetQua: '00', MoTaKetQua: 'Đã nhận kết quả thanh toán' };
    },
  );

  app.get(
    PAYGOV_RETURN_ROUTE,
    {
      config: { access: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'The browser back from PayGov: records a carried result (as the callback does), then redirects to the dossier page',
        querystring: PaygovReturnQuery,
        response: { 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const query = request.query;
      let payment = await payments.findByReference(query.MaThamChieu);
      if (!payment || payment.channel !== 'paygov') {
        throw new ProblemError('not_found', { detail: { vi: 'Không có giao dịch thanh toán này.', en: 'No such payment.' } });
      }
      if (query.MaXacThuc !== undefined) {
        try {
          payment = await payments.acceptResult(query);
        } catch (error) {
          // The platform unreachable or unclear: the page shows the payment as still pending, and the callback or a later check settles it.
          if (!(error instanceof ProblemError) || !['payment_unavailable', 'payment_gateway_error'].includes(error.code)) throw error;
          request.log.warn({ err: error, reference: query.MaThamChieu }, 'payment return not confirmed');
        }
      }
      const target = payment.returnPath ?? '/';
      const status = payment.status === 'initiated' ? 'pending' : payment.status;
      return reply.redirect(`${target}${target.includes('?') ? '&' : '?'}payment=${status}`, 303);
    },
  );
}
