// The gateway services of the technology supply and demand database (registered at module
// creation): published offers and published demands by field, province or keyword, and the
// technology map (counts by field and province). Published listings only: what the database
// publishes anyway, offered to other systems (provincial technology exchanges, the national
// portal) as data. JSON Schema 2020-12, validated by the gateway both ways.
import { TRANSFER_FORMS } from '../../core/tech-market/index.ts';
import type { ProviderRegistration } from '../lgsp/module.ts';
import { TECHMARKET_UNIT_ID, type TechMarketService } from './service.ts';

const provider = { kind: 'internal' as const, name: 'CSDL cung – cầu công nghệ (motcua techmarket)' };
const nullableString = { type: ['string', 'null'] };
const nullableInteger = { type: ['integer', 'null'] };

interface SearchBody {
  field?: string;
  province?: string;
  keyword?: string;
  trlMin?: number;
  limit?: number;
}

const searchRequest = {
  type: 'object',
  additionalProperties: false,
  properties: {
    field: { type: 'string', pattern: '^[0-9]{3}$', description: 'Technology field code' },
    province: { type: 'string', pattern: '^[a-z-]{2,40}$', description: 'Province code' },
    keyword: { type: 'string', minLength: 2, maxLength: 100 },
    trlMin: { type: 'integer', minimum: 1, maximum: 9 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
  },
  anyOf: [{ required: ['field'] }, { required: ['province'] }, { required: ['keyword'] }],
};

const listingItem = (extra: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'fieldCode', 'provinceCode', 'transferForms', 'transferRight', 'negotiable', 'publishedOn', ...required],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    fieldCode: { type: 'string' },
    provinceCode: { type: 'string' },
    transferForms: { type: 'array', items: { enum: [...TRANSFER_FORMS] } },
    transferRight: { enum: ['ownership', 'use', 'either'] },
    negotiable: { type: 'boolean' },
    publishedOn: nullableString,
    ...extra,
  },
});

const searchOf = (body: SearchBody) => ({ q: body.keyword, field: body.field, province: body.province, trlMin: body.trlMin, limit: body.limit ?? 50, offset: 0 });

export function offerProvider(service: TechMarketService): ProviderRegistration<SearchBody, unknown> {
  return {
    code: 'techmarket-offer',
    version: 1,
    name: { vi: 'Tra cứu cung công nghệ', en: 'Technology offers' },
    description: { vi: 'Công nghệ được chào bán, chuyển giao (đã công bố) theo lĩnh vực, tỉnh, thành phố hoặc từ khóa.', en: 'Published technology offers by field, province or keyword.' },
    ownerUnitId: TECHMARKET_UNIT_ID,
    provider,
    requestSchema: searchRequest,
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'items'],
      properties: {
        total: { type: 'integer' },
        items: {
          type: 'array',
          items: listingItem(
            {
              trl: { type: 'integer', minimum: 1, maximum: 9 },
              priceVnd: nullableInteger,
              validUntil: nullableString,
              providerKind: { enum: ['organization', 'individual'] },
              providerName: { type: 'string' },
            },
            ['trl', 'priceVnd', 'validUntil', 'providerKind', 'providerName'],
          ),
        },
      },
    },
    async handler({ body }) {
      const { total, items } = await service.publicOffers(searchOf(body));
      return {
        total,
        items: items.map((o) => ({
          code: o.code,
          name: o.name,
          fieldCode: o.field.code,
          provinceCode: o.province.code,
          transferForms: o.transferForms,
          transferRight: o.transferRight,
          negotiable: o.negotiable,
          publishedOn: o.publishedOn,
          trl: o.trl,
          priceVnd: o.priceVnd,
          validUntil: o.validUntil,
          providerKind: o.provider.kind,
          providerName: o.provider.name,
        })),
      };
    },
  };
}

export function demandProvider(service: TechMarketService): ProviderRegistration<SearchBody, unknown> {
  return {
    code: 'techmarket-demand',
    version: 1,
    name: { vi: 'Tra cứu cầu công nghệ', en: 'Technology demands' },
    description: { vi: 'Nhu cầu công nghệ của tổ chức (đã công bố) theo lĩnh vực, tỉnh, thành phố hoặc từ khóa.', en: 'Published technology demands by field, province or keyword.' },
    ownerUnitId: TECHMARKET_UNIT_ID,
    provider,
    requestSchema: searchRequest,
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'items'],
      properties: {
        total: { type: 'integer' },
        items: {
          type: 'array',
          items: listingItem(
            { minTrl: { type: 'integer', minimum: 1, maximum: 9 }, budgetVnd: nullableInteger, deadline: nullableString, orgName: { type: 'string' }, taxCode: nullableString },
            ['minTrl', 'budgetVnd', 'deadline', 'orgName'],
          ),
        },
      },
    },
    async handler({ body }) {
      const { total, items } = await service.publicDemands(searchOf(body));
      return {
        total,
        items: items.map((d) => ({
          code: d.code,
          name: d.name,
          fieldCode: d.field.code,
          provinceCode: d.province.code,
          transferForms: d.transferForms,
          transferRight: d.transferRight,
          negotiable: d.negotiable,
          publishedOn: d.publishedOn,
          minTrl: d.minTrl,
          budgetVnd: d.budgetVnd,
          deadline: d.deadline,
          orgName: d.orgName,
          taxCode: d.taxCode,
        })),
      };
    },
  };
}

export function mapProvider(service: TechMarketService): ProviderRegistration<{ by?: 'cell' | 'field' | 'province' }, unknown> {
  const count = { type: 'integer', minimum: 0 };
  return {
    code: 'techmarket-map',
    version: 1,
    name: { vi: 'Bản đồ công nghệ', en: 'Technology map' },
    description: { vi: 'Số cung, cầu công nghệ đang công bố theo lĩnh vực và tỉnh, thành phố.', en: 'Published technology offers and demands counted by field and province.' },
    ownerUnitId: TECHMARKET_UNIT_ID,
    provider,
    requestSchema: { type: 'object', additionalProperties: false, properties: { by: { enum: ['cell', 'field', 'province'], default: 'cell' } } },
    responseSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['asOf', 'items', 'totals'],
      properties: {
        asOf: { type: 'string', format: 'date' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['offers', 'demands'],
            properties: { fieldCode: { type: 'string' }, provinceCode: { type: 'string' }, offers: count, demands: count },
          },
        },
        totals: { type: 'object', additionalProperties: false, required: ['offers', 'demands'], properties: { offers: count, demands: count } },
      },
    },
    async handler({ body }) {
      const map = await service.map();
      const by = body.by ?? 'cell';
      const items =
        by === 'field'
          ? map.byField.map((f) => ({ fieldCode: f.code, offers: f.offers, demands: f.demands }))
          : by === 'province'
            ? map.byProvince.map((p) => ({ provinceCode: p.code, offers: p.offers, demands: p.demands }))
            : map.cells;
      return { asOf: map.asOf, items, totals: map.totals };
    },
  };
}
