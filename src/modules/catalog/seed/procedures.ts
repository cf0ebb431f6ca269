// The seed catalog: procedures of the ministry's units (intellectual property, registration of
// science and technology organizations, technology transfer, radiation safety, standards, metrology
// and quality, national S&T tasks), each with a working e-form bound to population/organization
// data.
//
// Provenance. Names, dossier components and time limits follow the governing texts cited in
// `legalBasis` as far as they were known when this file was written (e.g. IP Law Art. 119 as
// amended by Law 07/2022/QH15: formality examination 1 month, substantive examination 18 months
// for patents, 9 for trademarks, 7 for industrial designs; Law on Technology Transfer 2017
// Art. 31: registration within 5 working days). They were NOT checked against the national TTHC
// database (CSDLQG TTHC): every code is marked `demo`, and fee amounts and publication decisions are
// illustrative (decision numbers say "demo") — the owning unit replaces them through the
// administration API or an Excel import before go-live.
//
// One file per owning unit (units/<unit id>.ts); what they share is in units/common.ts.
import type { CatalogExchangeProcedure } from '../schema.ts';
import { CUC_SHTT } from './units/cuc-shtt.ts';
import { VP_DANG_KY_HDKHCN } from './units/vp-dang-ky-hdkhcn.ts';
import { VU_DANH_GIA_THAM_DINH } from './units/vu-danh-gia-tham-dinh.ts';
import { CUC_ATBXHN } from './units/cuc-atbxhn.ts';
import { TCDLCL } from './units/tcdlcl.ts';
import { CUC_THONG_TIN } from './units/cuc-thong-tin.ts';
import { BKHCN } from './units/bkhcn.ts';

export const SEED_PROCEDURES: CatalogExchangeProcedure[] = [
  ...CUC_SHTT,
  ...VP_DANG_KY_HDKHCN,
  ...VU_DANH_GIA_THAM_DINH,
  ...CUC_ATBXHN,
  ...TCDLCL,
  ...CUC_THONG_TIN,
  ...BKHCN,
];
