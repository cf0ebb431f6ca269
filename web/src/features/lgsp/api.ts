// The gateway administration API as the page uses it (types from the server's schemas).
import type { ConsumerItem, LogItem, ServiceList, Stats } from '../../../../src/modules/lgsp/schema.ts';

export type { ConsumerItem, LogItem, ServiceList, Stats };

export const LGSP_PATH = '/quan-tri/lgsp';

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null;
export const isServiceList = (body: unknown): body is ServiceList => isObject(body) && Array.isArray(body.items) && Array.isArray(body.purposes);
export const isConsumerList = (body: unknown): body is { items: ConsumerItem[] } => isObject(body) && Array.isArray(body.items);
export const isStats = (body: unknown): body is Stats => isObject(body) && Array.isArray(body.rows) && isObject(body.log);
export const isLogPage = (body: unknown): body is { items: LogItem[]; nextBefore: number | null } => isObject(body) && Array.isArray(body.items);
export const isConsumer = (body: unknown): body is ConsumerItem => isObject(body) && typeof body.id === 'string';
