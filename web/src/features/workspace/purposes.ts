// The purposes of a population-data query (GET /api/v1/population/purposes), as the verify page
// and the query log show them: the population module's schema (a type-only import).
import type { z } from 'zod';
import type { Purpose as PurposeSchema } from '@server/modules/population/schema.ts';

export type Purpose = z.infer<typeof PurposeSchema>;
