// HTTP routes of the technology supply and demand database (under /api/v1/registries/techmarket).
//
//   GET  /registries/techmarket/catalog                     fields, provinces, transfer forms, readiness levels (public)
//   GET  /registries/techmarket/public/offers[?q&field&province&trlMin&transferForm]   published offers (public)
//   GET  /registries/techmarket/public/offers/:id           one published offer (public)
//   GET  /registries/techmarket/public/demands[?…]          published demands (public)
//   GET  /registries/techmarket/public/demands/:id          one published demand (public)
//   GET  /registries/techmarket/public/map                  the technology map: counts by field and province (public)
//   GET  /registries/techmarket/providers[?q]               officers: providers with their person's link (registry.read)
//   POST /registries/techmarket/providers                   record a provider, its person checked (registry.edit)
//   GET  /registries/techmarket/providers/:id               officers: one provider (registry.read)
//   GET|POST /registries/techmarket/offers, GET|PUT /offers/:id     officers: offers (registry.read / registry.edit)
//   GET|POST /registries/techmarket/demands, GET|PUT /demands/:id   officers: demands (registry.read / registry.edit)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../http/problem.ts';
import {
  CatalogSchema,
  DemandInput,
  DemandList,
  DemandViewSchema,
  IdParams,
  MapSchema,
  OfferInput,
  OfferList,
  OfferViewSchema,
  OfficerSearchQuery,
  ProviderInput,
  ProviderList,
  ProviderQuery,
  ProviderViewSchema,
  PublicDemandList,
  PublicDemandSchema,
  PublicOfferList,
  PublicOfferSchema,
  SearchQuery,
} from './schema.ts';
import type { TechMarketService } from './service.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
const P = '/registries/techmarket';
const tags = ['registries'];

export function registerTechMarketRoutes(api: FastifyInstance, service: TechMarketService): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(`${P}/catalog`, { config: { access: 'public' }, schema: { tags, summary: 'Technology fields, provinces, transfer forms and readiness levels', response: { 200: CatalogSchema } } }, async () => service.catalog());

  app.get(
    `${P}/public/offers`,
    { config: { access: 'public' }, schema: { tags, summary: 'Published technology offers (cung công nghệ)', querystring: SearchQuery, response: { 200: PublicOfferList, ...errors } } },
    async (request) => service.publicOffers(request.query),
  );
  app.get(
    `${P}/public/offers/:id`,
    { config: { access: 'public' }, schema: { tags, summary: 'One published technology offer', params: IdParams, response: { 200: PublicOfferSchema, ...errors } } },
    async (request) => service.publicOffer(request.params.id),
  );
  app.get(
    `${P}/public/demands`,
    { config: { access: 'public' }, schema: { tags, summary: 'Published technology demands (cầu công nghệ)', querystring: SearchQuery, response: { 200: PublicDemandList, ...errors } } },
    async (request) => service.publicDemands(request.query),
  );
  app.get(
    `${P}/public/demands/:id`,
    { config: { access: 'public' }, schema: { tags, summary: 'One published technology demand', params: IdParams, response: { 200: PublicDemandSchema, ...errors } } },
    async (request) => service.publicDemand(request.params.id),
  );
  app.get(
    `${P}/public/map`,
    { config: { access: 'public' }, schema: { tags, summary: 'The technology map: published offers and demands by field and province', response: { 200: MapSchema } } },
    async () => service.map(),
  );

  const noStore = { 'cache-control': 'no-store' };

  app.get(
    `${P}/providers`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Technology providers with their person’s link status', querystring: ProviderQuery, response: { 200: ProviderList, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.listProviders(request.principal, request.query)),
  );
  app.post(
    `${P}/providers`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Record a technology provider (its person checked with the population database)', body: ProviderInput, response: { 201: ProviderViewSchema, 409: problemSchema, ...errors } } },
    async (request, reply) => reply.status(201).headers(noStore).send(await service.createProvider(request.principal, request.body, request.id)),
  );
  app.get(
    `${P}/providers/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One technology provider', params: IdParams, response: { 200: ProviderViewSchema, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.getProvider(request.principal, request.params.id)),
  );

  app.get(
    `${P}/offers`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Technology offers in every status, with their provider', querystring: OfficerSearchQuery, response: { 200: OfferList, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.listOffers(request.principal, request.query)),
  );
  app.post(
    `${P}/offers`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Record a technology offer', body: OfferInput, response: { 201: OfferViewSchema, ...errors } } },
    async (request, reply) => reply.status(201).headers(noStore).send(await service.createOffer(request.principal, request.body, request.id)),
  );
  app.get(
    `${P}/offers/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One technology offer with its provider', params: IdParams, response: { 200: OfferViewSchema, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.getOffer(request.principal, request.params.id)),
  );
  app.put(
    `${P}/offers/:id`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Correct, publish or withdraw a technology offer', params: IdParams, body: OfferInput, response: { 200: OfferViewSchema, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.updateOffer(request.principal, request.params.id, request.body, request.id)),
  );

  app.get(
    `${P}/demands`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'Technology demands in every status, with their representative', querystring: OfficerSearchQuery, response: { 200: DemandList, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.listDemands(request.principal, request.query)),
  );
  app.post(
    `${P}/demands`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Record a technology demand (its representative checked with the population database)', body: DemandInput, response: { 201: DemandViewSchema, ...errors } } },
    async (request, reply) => reply.status(201).headers(noStore).send(await service.createDemand(request.principal, request.body, request.id)),
  );
  app.get(
    `${P}/demands/:id`,
    { config: { access: 'registry.read' }, schema: { tags, summary: 'One technology demand with its representative', params: IdParams, response: { 200: DemandViewSchema, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.getDemand(request.principal, request.params.id)),
  );
  app.put(
    `${P}/demands/:id`,
    { config: { access: 'registry.edit' }, schema: { tags, summary: 'Correct, publish or withdraw a technology demand', params: IdParams, body: DemandInput, response: { 200: DemandViewSchema, ...errors } } },
    async (request, reply) => reply.headers(noStore).send(await service.updateDemand(request.principal, request.params.id, request.body, request.id)),
  );
}
