// Builders for tests of the quality index: a dossier, a procedure, a PAKN and a bundle with
// every field defaulted, and the working calendar over the bundled schedules. Test support only.
import { scheduleForYear } from '../calendar/rules.ts';
import { DEFAULT_SETTINGS, createWorkingCalendar } from '../calendar/working-time.ts';
import type { QualityBundle, QualityDossier, QualityFeedback, QualityProcedure } from './types.ts';

/** The civil-servant calendar of the bundled official schedules (2024–2026) and the rules. */
export const testCalendar = createWorkingCalendar(DEFAULT_SETTINGS, (year) => scheduleForYear(year));

/** `2026-03-02T09:00` (local) → `20260302090000`; '' stays ''. */
export const dvc = (local: string): string => (local === '' ? '' : `${local.replace(/[-T:]/g, '')}${local.length === 16 ? '00' : ''}`);

export function qDossier(code: string, over: Partial<QualityDossier> = {}): QualityDossier {
  return {
    MaHoSo: code,
    MaTTHC: '1.000001',
    KenhThucHien: '1',
    NgayTiepNhan: dvc('2026-03-02T09:00'),
    NgayHenTra: dvc('2026-03-09T09:00'),
    TrangThaiHoSo: '4',
    NgayTra: '',
    NgayKetThucXuLy: '',
    NgayTuChoi: '',
    NgayNopHoSo: '',
    HoSoCoThanhPhanSoHoa: '0',
    TaiKhoanDuocXacThucVoiVNeID: '0',
    DuocThanhToanTrucTuyen: '3',
    DSKetNoiCSDL: [],
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DanhSachHoSoBoSung: [],
    DanhSachGiayToKetQua: [],
    QuaTrinhXuLy: [],
    syncedToPortal: true,
    ...over,
  };
}

/** A dossier processed (status 9) at `finished`, received at `received`, due at `due` (local `YYYY-MM-DDTHH:MM`). */
export function processed(code: string, received: string, due: string, finished: string, over: Partial<QualityDossier> = {}): QualityDossier {
  return qDossier(code, {
    NgayTiepNhan: dvc(received),
    NgayHenTra: dvc(due),
    TrangThaiHoSo: '9',
    NgayKetThucXuLy: dvc(finished),
    QuaTrinhXuLy: [
      { ThoiDiemXuLy: dvc(received), TrangThai: '2' },
      { ThoiDiemXuLy: dvc(finished), TrangThai: '9' },
    ],
    ...over,
  });
}

export function qProcedure(code: string, over: Partial<QualityProcedure> = {}): QualityProcedure {
  return {
    code,
    requiresDocumentResult: false,
    fullOnlineEligible: false,
    onlineLevel: null,
    hasFees: false,
    subjects: ['citizen'],
    publicPartsComplete: true,
    publicStatus: 'published',
    publications: [],
    ...over,
  };
}

export function qFeedback(id: string, receivedAt: string, over: Partial<QualityFeedback> = {}): QualityFeedback {
  return {
    id,
    receivedAt,
    transferredAt: [],
    rejectedAt: null,
    firstSupplementRequestAt: null,
    processedAt: null,
    publishedAt: null,
    classification: 'tthc',
    likes: 0,
    dislikes: 0,
    dossierCode: null,
    ...over,
  };
}

export function qBundle(over: Partial<QualityBundle> = {}): QualityBundle {
  return {
    scope: { level: 'ministry' },
    procedures: [qProcedure('1.000001')],
    dossiers: [],
    feedback: [],
    ratings: [],
    reportCounts: { bcqgReceived: null, previousYearBcqgTotal: null },
    ...over,
  };
}
