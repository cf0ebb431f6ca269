// Client of the national science and technology database API (src/modules/science-tech/routes.ts),
// through the app's one request function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { PublicOrganizationList, PublicTaskList, ResearcherList, ResearcherViewSchema, TaskList, TaskViewSchema, PersonViewSchema } from '@server/modules/science-tech/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type OrganizationPage = z.infer<typeof PublicOrganizationList>;
export type PublicTaskPage = z.infer<typeof PublicTaskList>;
export type TaskPage = z.infer<typeof TaskList>;
export type Task = z.infer<typeof TaskViewSchema>;
export type ResearcherPage = z.infer<typeof ResearcherList>;
export type Researcher = z.infer<typeof ResearcherViewSchema>;
export type Person = z.infer<typeof PersonViewSchema>;

export const ST_PATHS = {
  search: '/co-so-du-lieu/khoa-hoc-cong-nghe',
  officer: '/can-bo/co-so-du-lieu/khoa-hoc-cong-nghe',
  task: (id: string) => `/can-bo/co-so-du-lieu/khoa-hoc-cong-nghe/nhiem-vu/${encodeURIComponent(id)}`,
  researcher: (id: string) => `/can-bo/co-so-du-lieu/khoa-hoc-cong-nghe/nha-khoa-hoc/${encodeURIComponent(id)}`,
} as const;

const API = '/api/v1/registries/st';
const enc = encodeURIComponent;
const query = (q: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const stApi = {
  organizations: (q: { q?: string; field?: string; offset?: number }, lang: Language): Promise<ApiResult<OrganizationPage>> => requestJson(`${API}/public/organizations${query(q)}`, lang),
  publicTasks: (q: { q?: string; level?: string; status?: string; offset?: number }, lang: Language): Promise<ApiResult<PublicTaskPage>> => requestJson(`${API}/public/tasks${query(q)}`, lang),
  tasks: (q: { q?: string; level?: string; status?: string; offset?: number }, lang: Language): Promise<ApiResult<TaskPage>> => requestJson(`${API}/tasks${query(q)}`, lang),
  task: (id: string, lang: Language): Promise<ApiResult<Task>> => requestJson(`${API}/tasks/${enc(id)}`, lang),
  researchers: (q: { q?: string; linkStatus?: string; offset?: number }, lang: Language): Promise<ApiResult<ResearcherPage>> => requestJson(`${API}/researchers${query(q)}`, lang),
  researcher: (id: string, lang: Language): Promise<ApiResult<Researcher>> => requestJson(`${API}/researchers/${enc(id)}`, lang),
};

/** An amount in VND the Vietnamese way (1.250.000.000 đ). */
export const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;
