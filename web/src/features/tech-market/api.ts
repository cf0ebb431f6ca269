// Client of the technology supply and demand API (src/modules/tech-market/routes.ts), through the
// app's one request function. Shapes are the server's schemas (type-only imports).
import type { z } from 'zod';
import type { Catalog, DemandList, DemandView, MapSchema, OfferList, OfferView, PublicDemandList, PublicOfferList } from '@server/modules/tech-market/schema.ts';
import type { Language } from '../../i18n/index.ts';
import { requestJson, type ApiResult } from '../../lib/api.ts';

export type { Catalog, DemandView, OfferView };
export type PublicOffers = z.infer<typeof PublicOfferList>;
export type PublicDemands = z.infer<typeof PublicDemandList>;
export type Offers = z.infer<typeof OfferList>;
export type Demands = z.infer<typeof DemandList>;
export type TechMap = z.infer<typeof MapSchema>;
export type ListingKind = 'offers' | 'demands';

export interface Search {
  q?: string;
  field?: string;
  province?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

const API = '/api/v1/registries/techmarket';
const enc = encodeURIComponent;
const query = (s: Search) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== '') p.set(k, String(v));
  const text = p.toString();
  return text ? `?${text}` : '';
};

export const techMarketApi = {
  catalog: (lang: Language): Promise<ApiResult<Catalog>> => requestJson(`${API}/catalog`, lang),
  map: (lang: Language): Promise<ApiResult<TechMap>> => requestJson(`${API}/public/map`, lang),
  publicOffers: (s: Search, lang: Language): Promise<ApiResult<PublicOffers>> => requestJson(`${API}/public/offers${query(s)}`, lang),
  publicDemands: (s: Search, lang: Language): Promise<ApiResult<PublicDemands>> => requestJson(`${API}/public/demands${query(s)}`, lang),
  offers: (s: Search, lang: Language): Promise<ApiResult<Offers>> => requestJson(`${API}/offers${query(s)}`, lang),
  demands: (s: Search, lang: Language): Promise<ApiResult<Demands>> => requestJson(`${API}/demands${query(s)}`, lang),
  offer: (id: string, lang: Language): Promise<ApiResult<OfferView>> => requestJson(`${API}/offers/${enc(id)}`, lang),
  demand: (id: string, lang: Language): Promise<ApiResult<DemandView>> => requestJson(`${API}/demands/${enc(id)}`, lang),
};
