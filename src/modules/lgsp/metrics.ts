// Prometheus metrics of the gateway, per service and consumer: calls by status class and latency.
// Label values are registered service codes and consumer ids (bounded sets), or "unknown".
import { Counter, Histogram, type Registry } from 'prom-client';

export interface GatewayMetrics {
  observe(service: string, consumer: string, status: number, seconds: number): void;
  /** Binds the metrics to the app's registry (/metrics). */
  register(registry: Registry): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  let calls: Counter<'service' | 'consumer' | 'status_class'> | undefined;
  let latency: Histogram<'service' | 'consumer'> | undefined;
  return {
    register(registry) {
      calls = new Counter({
        name: 'lgsp_calls_total',
        help: 'Calls through the data-exchange gateway by service, consumer and status class (2xx, 4xx, 5xx)',
        labelNames: ['service', 'consumer', 'status_class'] as const,
        registers: [registry],
      });
      latency = new Histogram({
        name: 'lgsp_call_duration_seconds',
        help: 'Latency of calls through the data-exchange gateway (gateway and provider), by service and consumer',
        labelNames: ['service', 'consumer'] as const,
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      });
    },
    observe(service, consumer, status, seconds) {
      calls?.inc({ service, consumer, status_class: `${Math.floor(status / 100)}xx` });
      latency?.observe({ service, consumer }, seconds);
    },
  };
}
