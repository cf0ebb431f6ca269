// One dossier on a page: loading it, taking an action with If-Match (its version), and what went
// wrong — a 412 (someone changed it meanwhile: reload), a 409 (the problem's detail) or another
// failure — in one place for the applicant's and the officer's pages.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText, problemText } from '../../../components/forms.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import type { ApiResult } from '../../../lib/api.ts';
import { dossiersApi, type ActionInput, type DossierView } from '../api.ts';

export type ActionFailure = { kind: 'stale' } | { kind: 'text'; text: string; fields?: Array<{ pointer: string; message: string }> };

export function failureOf(t: Parameters<typeof failureText>[0], r: Exclude<ApiResult<unknown>, { kind: 'ok' }>): ActionFailure {
  if (r.kind === 'problem' && r.problem.status === 412) return { kind: 'stale' };
  if (r.kind === 'problem' && r.problem.status === 409) return { kind: 'text', text: r.problem.detail ?? problemText(r.problem) };
  if (r.kind === 'problem' && r.problem.errors?.length) return { kind: 'text', text: problemText(r.problem), fields: r.problem.errors };
  return { kind: 'text', text: failureText(t, r) };
}

export function useDossier(id: string) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [dossier, setDossier] = useState<DossierView | undefined>();
  const [loadError, setLoadError] = useState<{ notFound: boolean; text: string } | undefined>();
  const [failure, setFailure] = useState<ActionFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();

  const reload = useCallback(async () => {
    const r = await dossiersApi.get(id, language);
    if (r.kind === 'ok') {
      setDossier(r.data);
      setLoadError(undefined);
      setFailure(undefined);
    } else setLoadError({ notFound: r.kind === 'problem' && r.problem.status === 404, text: failureText(t, r) });
  }, [id, language, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Takes the action on the version shown; true when it was taken. */
  const act = useCallback(
    async (body: ActionInput): Promise<boolean> => {
      if (!dossier || busy) return false;
      setBusy(true);
      setFailure(undefined);
      setDone(undefined);
      try {
        const r = await dossiersApi.act(dossier.id, dossier.version, body, language);
        if (r.kind === 'ok') {
          setDossier(r.data);
          setDone(r.data.timeline.at(-1)?.name[language]);
          return true;
        }
        setFailure(failureOf(t, r));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [dossier, busy, language, t],
  );

  return { dossier, setDossier, loadError, failure, setFailure, busy, act, reload, done };
}
