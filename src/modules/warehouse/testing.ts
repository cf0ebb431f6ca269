// Test support of the warehouse module: a procedure whose components a warehouse document and
// population data can satisfy, and multipart bodies as a browser sends them.
import type { DossierComponent, ProcedureContent } from '../../core/catalog/types.ts';
import { workflowContent } from '../dossiers/testing.ts';

const component = (c: Partial<DossierComponent> & Pick<DossierComponent, 'code' | 'name'>): DossierComponent => ({
  requirement: 'required',
  originals: 0,
  copies: 1,
  acceptedFormats: ['pdf'],
  warehouseDocumentTypes: [],
  replacedByPopulationData: false,
  ...c,
});

/** TP01 the request (always uploaded), TP02 a protection title the warehouse holds, TP03 an ID card copy the population database replaces. */
export function reuseContent(overrides: Partial<ProcedureContent> = {}): ProcedureContent {
  return workflowContent({
    components: [
      component({ code: 'TP01', name: 'Tờ khai đăng ký', originals: 1, copies: 0 }),
      component({ code: 'TP02', name: 'Bản sao văn bằng bảo hộ', warehouseDocumentTypes: ['VBBH-SHCN'] }),
      component({ code: 'TP03', name: 'Bản sao thẻ Căn cước', requirement: 'conditional', acceptedFormats: ['pdf', 'jpg', 'png'], replacedByPopulationData: true }),
    ],
    ...overrides,
  });
}

/** A multipart/form-data body: the fields first, then the file. */
export async function multipartBody(fields: Record<string, string>, file?: { bytes: Buffer; name: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

export const ALL_CHECKS = { count: true, complete: true, pageOrder: true, integrity: true } as const;
