// Shared by the catalog's route groups.
import { problemSchema } from '../../../http/problem.ts';

export const tags = ['catalog'];
export const adminTags = ['catalog-admin'];

export const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
