// Demo documents of the data warehouse for the embedded default's first start: the first demo
// citizens of the national SSO emulator and the demo organizations get a few documents a new
// dossier can reuse (a protection title, a business registration, a founding decision), as if
// digitized and verified at the counter by the demo receiver. Deterministic; does nothing for an
// owner who already has documents.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { FilesModule } from '../files/module.ts';
import { addDocumentFiles, insertDocument, ownerDocuments, type Owner } from './store.ts';

export interface DemoDocument {
  documentType: string;
  title: string;
  issuer: string;
  number: string;
  issuedOn: string;
  validUntil?: string;
}

export function demoDocumentsOf(owner: Owner, index: number): DemoDocument[] {
  if (owner.kind === 'organization') {
    return [
      { documentType: 'GCN-DKDN', title: 'Giấy chứng nhận đăng ký doanh nghiệp', issuer: 'Phòng Đăng ký kinh doanh', number: owner.identifier, issuedOn: '2019-04-12' },
      { documentType: 'QD-THANH-LAP', title: 'Quyết định thành lập', issuer: 'Hội đồng quản trị', number: `${index + 1}/QĐ-HĐQT`, issuedOn: '2019-03-01' },
    ];
  }
  return [
    { documentType: 'VBBH-SHCN', title: 'Bằng độc quyền sáng chế', issuer: 'Cục Sở hữu trí tuệ', number: `1-00${41230 + index}`, issuedOn: '2025-06-10', validUntil: '2045-06-10' },
    { documentType: 'CC-NVBX', title: 'Chứng chỉ nhân viên bức xạ', issuer: 'Cục An toàn bức xạ và hạt nhân', number: `${120 + index}/CC-ATBXHN`, issuedOn: '2024-09-02', validUntil: '2029-09-02' },
  ];
}

/** Seeds the demo documents; returns how many were created. */
export async function seedDemoWarehouse(deps: { db: Kysely<DB>; files: Pick<FilesModule, 'service' | 'attach'>; recordedBy: string; pdf: (title: string) => Buffer }, owners: readonly Owner[]): Promise<number> {
  let created = 0;
  for (const [index, owner] of owners.entries()) {
    if ((await ownerDocuments(deps.db, owner)).length > 0) continue;
    for (const doc of demoDocumentsOf(owner, index)) {
      const file = await deps.files.service.upload({ source: deps.pdf(`${doc.title} ${doc.number}`), declaredName: `${doc.documentType.toLowerCase()}.pdf`, uploadedBy: deps.recordedBy });
      await deps.db.transaction().execute(async (trx) => {
        const row = await insertDocument(trx, {
          owner_kind: owner.kind,
          owner_identifier: owner.identifier,
          document_type: doc.documentType,
          title: doc.title,
          issuer: doc.issuer,
          number: doc.number,
          issued_on: doc.issuedOn,
          valid_until: doc.validUntil ?? null,
          provenance: 'digitized',
          created_by: deps.recordedBy,
        });
        await deps.files.attach(trx, [file.id], `warehouse:${row.id}`, { uploadedBy: deps.recordedBy });
        await addDocumentFiles(trx, row.id, [file.id]);
      });
      created++;
    }
  }
  return created;
}
