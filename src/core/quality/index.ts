// Public API of the Decision 766/QĐ-TTg quality index engine (SPEC §1, §10.4). Pure: the caller
// passes the bundle, the period, the settings and the working calendar.
export type * from './types.ts';
export { GROUP_CODES } from './types.ts';
export { INDICATORS, findIndicator, type IndicatorDef, type IndicatorFormula, type IndicatorBasis } from './indicators.ts';
export { DEFAULT_QUALITY_SETTINGS, resolveSettings, type Band, type DeepPartial, type QualitySettings } from './settings.ts';
export { PeriodError, inPeriod, parsePeriod, periodBounds, periodDays } from './period.ts';
export { bandOf, ratioOf, receivingSatisfactionRatio, round2, scoreOf, sumScores, syncDenominator } from './score.ts';
export { addWorkingDays, type QualityCalendar } from './working-days.ts';
export {
  DOSSIER_INDICATORS,
  asOfInstant,
  classifyDossier,
  openJudgement,
  processingOutcome,
  syncInstant,
  syncLocalDate,
  type ClassifyOptions,
  type Contribution,
  type DossierClassification,
  type DossierIndicatorId,
  type EndKind,
  type OpenJudgement,
  type ProcessingOutcome,
} from './dossier.ts';
export { classifyProcedure, type ProcedureIndicatorId } from './procedures.ts';
export { feedbackOutcome, type FeedbackOutcome } from './feedback.ts';
export { REASON_CODES, reason, reasonText, type Reason, type ReasonCode, type ReasonPart } from './reasons.ts';
export { classifyDossiers, computeIndex, countDossiers, indexFromCounts, repeatedBy, type ComputeOptions, type DossierCounts, type Tally } from './compute.ts';
