// The engine's settings: every target and every choice SPEC §1 leaves UNCONFIRMED is a value
// here, with its default and the reason for it. An administrator overrides any part
// (`resolveSettings(partial)` merges a partial object over the defaults).
import { INDICATORS } from './indicators.ts';
import type { ScopeLevel } from './types.ts';

export interface Band {
  /** Lowest total (inclusive) of the band. */
  min: number;
  label: string;
}

export interface QualitySettings {
  /** Points (Pmax) and target (T, %) of each indicator; defaults from the indicator table. */
  indicators: Record<string, { points: number; target: number }>;
  /** Which dossiers the dossier indicators (all but 1.4) count: what reached the portal, or all. */
  dossierScope: 'synced' | 'all';
  publication: {
    /** 1.1: the announcing decision is due this many working days before the legal basis takes effect (SPEC §1.4 1.1). */
    announceLeadWorkingDays: Record<ScopeLevel, number>;
    /** 1.2: publication is due this many working days after the announcing decision (SPEC §1.4 1.2). */
    publishWithinWorkingDays: Record<ScopeLevel, number>;
    /**
     * 1.2 "must be published": SPEC's transcription reads "QĐCB date ≤ period end + N WD", which
     * would take in decisions after the period; read by default as "its deadline (QĐCB + N WD)
     * passed by the period's end" (`deadline_passed`); `literal` follows the wording. UNCONFIRMED.
     */
    mustPublish: 'deadline_passed' | 'literal';
  };
  sync: {
    /** 1.4: without a BCQG figure, the dossiers this system received in the period stand in for it. UNCONFIRMED. */
    localCountStandsInForBcqg: boolean;
    /** 1.4 fallback for a custom period: the previous year's total prorated by days, or none (R = 0). UNCONFIRMED (SPEC names month/quarter/year only). */
    customPeriodFallback: 'prorate_days' | 'none';
  };
  processing: {
    /**
     * 2.1: the due date end' is compared with. The dossiers module's NgayHenTra already carries
     * the supplement pauses, and 2.1 takes the supplement time out of the end itself (step 3), so
     * by default the due date before the first supplement (NgayHenTraTruoc of the first round) is
     * used; `synced`: NgayHenTra as synced. UNCONFIRMED.
     */
    dueDate: 'before_first_supplement' | 'synced';
    /** 2.1: more supplement requests than this make a dossier overdue (SPEC §1.4 2.1: "more than one"). */
    maxSupplementsOnTime: number;
    /** 2.2: hours of a working day, to give working time in working days (the calendar's default, 8). */
    hoursPerWorkingDay: number;
  };
  fullOnline: {
    /** 3.4 (the 12-point CLGQ metric, UNCONFIRMED definition): the numerator also requires the procedure's level to be "full". */
    requireFullLevel: boolean;
    /** 3.3 and 3.4: an online dossier of a procedure with a document result counts only with its result (MaKetQua and link), as [S6] says for 3.3. */
    requireResult: { '3.3': boolean; '3.4': boolean };
  };
  digitization: {
    /** 4.1: all dossiers received in the period [S6], or only those finished (status 9/10). */
    resultPopulation: 'received' | 'finished';
    /** 4.3: the flags that mark a reused component [S6]; DuocTaiSuDung may be added. */
    reuseFlags: Array<'HoSoCoThanhPhanSoHoa' | 'DuocSoHoa' | 'DuocTaiSuDung'>;
    /** 4.4: a dossier whose electronic result is in its holder's personal data store counts ([S6] second branch). */
    resultInDataStore: boolean;
    /** 4.5: MaCSDL values that mean the national population database. UNCONFIRMED: none known (the vendor's constant "7" has no confirmed meaning). */
    populationDatabaseCodes: string[];
  };
  feedback: {
    /** 5.2 deadlines in working days (SPEC §1.4 5.2). */
    rejectWithin: number;
    supplementRequestWithin: number;
    processWithin: number;
    publishWithin: number;
    inProgressWithin: number;
    /** `dates`: the event's local date ≤ the base date + N WD; `working_time`: the instant ≤ base + N working days of working time. UNCONFIRMED. */
    deadlineArithmetic: 'dates' | 'working_time';
    /**
     * 5.3 "a later PAKN repeats the complaint" [S6]: `linked`: only a later PAKN that names it
     * (repeatsId); `same_dossier`: also a later PAKN about the same dossier. UNCONFIRMED.
     */
    repeatRule: 'linked' | 'same_dossier';
  };
  satisfaction: {
    /** 5.4: the dossiers whose overdue and PAKN/dislike rates are taken: the 2.1 population, or those received in the period. UNCONFIRMED. */
    population: 'processed' | 'received';
  };
  /** Rating bands, highest first. ≥ 90 "Xuất sắc" and < 50 "Yếu" are confirmed [S4]; the rest are UNCONFIRMED (80 from [S8b]). */
  bands: Band[];
  /** The bands are read on the total (`score`) or on total ÷ totalMax × 100. UNCONFIRMED; [S4] speaks of the total mark. */
  bandBasis: 'score' | 'percent_of_max';
}

export const DEFAULT_QUALITY_SETTINGS: Readonly<QualitySettings> = Object.freeze({
  indicators: Object.fromEntries(INDICATORS.map((i) => [i.id, { points: i.points, target: i.target }])),
  dossierScope: 'synced',
  publication: {
    announceLeadWorkingDays: { ministry: 20, province: 5 },
    publishWithinWorkingDays: { ministry: 10, province: 5 },
    mustPublish: 'deadline_passed',
  },
  sync: { localCountStandsInForBcqg: true, customPeriodFallback: 'prorate_days' },
  processing: { dueDate: 'before_first_supplement', maxSupplementsOnTime: 1, hoursPerWorkingDay: 8 },
  fullOnline: { requireFullLevel: true, requireResult: { '3.3': true, '3.4': false } },
  digitization: { resultPopulation: 'received', reuseFlags: ['HoSoCoThanhPhanSoHoa', 'DuocSoHoa'], resultInDataStore: true, populationDatabaseCodes: [] },
  feedback: { rejectWithin: 2, supplementRequestWithin: 5, processWithin: 15, publishWithin: 2, inProgressWithin: 15, deadlineArithmetic: 'dates', repeatRule: 'same_dossier' },
  satisfaction: { population: 'processed' },
  bands: [
    { min: 90, label: 'Xuất sắc' },
    { min: 80, label: 'Tốt' },
    { min: 65, label: 'Khá' },
    { min: 50, label: 'Trung bình' },
    { min: 0, label: 'Yếu' },
  ],
  bandBasis: 'score',
} satisfies QualitySettings) as Readonly<QualitySettings>;

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return structuredClone(base);
  if (!isPlain(base) || !isPlain(over)) return structuredClone(over);
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) out[key] = merge(base[key], over[key]);
  return out;
}

/** The defaults with `partial` laid over them (arrays are replaced, objects merged). */
export function resolveSettings(partial: DeepPartial<QualitySettings> = {}): QualitySettings {
  return merge(DEFAULT_QUALITY_SETTINGS, partial) as QualitySettings;
}
