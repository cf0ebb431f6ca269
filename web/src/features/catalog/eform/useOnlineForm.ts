// The published version of a procedure and the prefill of its e-form for the logged-in applicant:
// what the catalog's fill page and the dossier submission wizard both start from.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../../components/forms.tsx';
import { currentLanguage, type Language } from '../../../i18n/index.ts';
import type { Me } from '../../../lib/session.tsx';
import { catalogApi, type ProcedureVersionView } from '../api.ts';
import type { PrefillResult } from './prefill.ts';

type PrefillLoader = (view: ProcedureVersionView, me: Me, language: Language) => Promise<PrefillResult>;

export function useOnlineForm(code: string, me: Me | undefined, loadPrefill: PrefillLoader) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [view, setView] = useState<ProcedureVersionView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [prefill, setPrefill] = useState<PrefillResult | undefined>();

  useEffect(() => {
    let live = true;
    void catalogApi.published(code, language).then((r) => {
      if (!live) return;
      if (r.kind === 'ok') setView(r.data);
      else setError(failureText(t, r));
    });
    return () => {
      live = false;
    };
  }, [code]);

  useEffect(() => {
    if (!view || !me || me.kind === 'officer') return;
    let live = true;
    void loadPrefill(view, me, language).then((p) => live && setPrefill(p));
    return () => {
      live = false;
    };
  }, [view, me]);

  return { view, error, prefill };
}
