// What the national portal sync (HoSoDongBoDVC, SPEC §6) carries about a dossier's payments:
// DuocThanhToanTrucTuyen and the DanhSachLePhi lines. The exchange adapter copies these fields
// as they are; the Vietnamese names live here because that is their wire format.
//
// UNCONFIRMED codes:
//   - DuocThanhToanTrucTuyen: the vendor's 1 = paid on DVCQG, 2 = paid via the ministry/province
//     gateway, 3 = not paid online. motcua is the ministry's own system integrated with PayGov
//     (the citizen pays on motcua's pages, not on the DVCQG portal), so a paid PayGov payment is
//     reported as "2"; otherwise (unpaid, or paid at the counter) "3".
//   - HinhThucThu: "1" online (PayGov), "2" at the counter.
//   - LoaiPhiLePhi: "1" phí (fee), "2" lệ phí (charge).
import type { Payment } from './store.ts';

export interface NationalSyncFeeLine {
  TenPhiLePhi: string;
  MaPhiLePhi: string;
  HinhThucThu: '1' | '2';
  Gia: number;
  LoaiPhiLePhi: '1' | '2';
}

export interface NationalSyncPayment {
  DuocThanhToanTrucTuyen: '2' | '3';
  DanhSachLePhi: NationalSyncFeeLine[];
}

/** The payment fields of a dossier's sync record, from its payments (paid ones count). */
export function nationalSyncPayment(payments: readonly Payment[]): NationalSyncPayment {
  const paid = payments.filter((p) => p.status === 'paid');
  return {
    DuocThanhToanTrucTuyen: paid.some((p) => p.channel === 'paygov') ? '2' : '3',
    DanhSachLePhi: paid.flatMap((p) =>
      p.fees.map((f) => ({
        TenPhiLePhi: f.name,
        MaPhiLePhi: f.code,
        HinhThucThu: p.channel === 'paygov' ? ('1' as const) : ('2' as const),
        Gia: f.amountVnd,
        LoaiPhiLePhi: f.kind === 'fee' ? ('1' as const) : ('2' as const),
      })),
    ),
  };
}
