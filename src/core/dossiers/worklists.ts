// How far a worklist's count goes. Counting every match of a large unit at millions of dossiers
// costs a scan of each of them; an officer's menu needs "how many, or a great many", so counts stop
// at the cap and a count that reached it reads "1 000+" (a lower bound). Exact figures for a period
// come from the ledger (Mẫu 06) and the statistics, which count everything.

/** Counts of worklists and searches stop here; a count equal to it means "at least this many". */
export const WORKLIST_COUNT_CAP = 1000;

/** Whether a count stopped at the cap (so it is a lower bound, not the exact number). */
export const countCapped = (n: number): boolean => n >= WORKLIST_COUNT_CAP;
