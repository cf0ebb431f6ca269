// An S&T task's progress as a labelled state (colour is never the only cue: the text says it), for
// the public search and the officers' pages alike.
import { useTranslation } from 'react-i18next';

const PROGRESS_TONE: Record<string, string> = { proposed: 'off', approved: 'off', in_progress: 'warn', overdue: 'bad', accepted: 'ok', cancelled: 'bad' };

export function TaskState({ progress }: { progress: string }) {
  const { t } = useTranslation();
  return <span className={`state state--${PROGRESS_TONE[progress] ?? 'off'}`}>{t(`scienceTech.status.${progress}`)}</span>;
}
