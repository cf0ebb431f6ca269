// The dossier's components as file fields: one FileField per component of the procedure version
// (its name, required or conditional, the formats it accepts); a chosen file is uploaded at once
// (POST /api/v1/files) and listed under the field with a button to take it off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText, FileField, Status } from '../../../components/forms.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { dossiersApi, type UploadedFile } from '../api.ts';
import { sizeText } from './format.ts';

export interface UploadComponent {
  code: string;
  name: string;
  requirement: string;
  condition?: string | undefined;
  acceptedFormats?: readonly string[] | undefined;
}

export type ComponentFiles = Record<string, UploadedFile[]>;

const MIME: Record<string, string> = {
  pdf: '.pdf,application/pdf',
  doc: '.doc',
  docx: '.docx',
  xls: '.xls',
  xlsx: '.xlsx',
  jpg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
  tiff: '.tif,.tiff,image/tiff',
  xml: '.xml',
  zip: '.zip',
};

export const componentFieldId = (prefix: string, code: string) => `${prefix}-file-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The components in the API's shape (only those with files). */
export const componentsBody = (files: ComponentFiles) =>
  Object.entries(files)
    .filter(([, list]) => list.length > 0)
    .map(([code, list]) => ({ code, fileIds: list.map((f) => f.id) }));

export function ComponentUploads({
  components,
  files,
  onChange,
  errors,
  idPrefix,
  requireAll = true,
}: {
  components: readonly UploadComponent[];
  files: ComponentFiles;
  onChange(files: ComponentFiles): void;
  errors?: Record<string, string | undefined>;
  idPrefix: string;
  /** Mark the required components as required (a supplement needs only what was asked). */
  requireAll?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [busy, setBusy] = useState<string | undefined>();
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState('');

  async function upload(code: string, file: File | undefined, input: HTMLInputElement | null) {
    if (!file) return;
    setBusy(code);
    setUploadErrors((e) => ({ ...e, [code]: '' }));
    setAnnounce(t('dossiers.files.uploading', { name: file.name }));
    try {
      const r = await dossiersApi.upload(file, language);
      if (r.kind === 'ok') {
        onChange({ ...files, [code]: [...(files[code] ?? []), r.data] });
        setAnnounce(t('dossiers.files.uploaded', { name: r.data.name }));
        if (input) input.value = '';
      } else {
        const text = failureText(t, r);
        setUploadErrors((e) => ({ ...e, [code]: text }));
        setAnnounce(text);
      }
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="dossier-uploads">
      {components.map((c) => {
        const id = componentFieldId(idPrefix, c.code);
        const list = files[c.code] ?? [];
        const formats = (c.acceptedFormats ?? []).map((f) => f.toUpperCase()).join(', ');
        const required = requireAll && c.requirement === 'required';
        const hint = [
          c.requirement === 'conditional' ? t('dossiers.files.conditional', { condition: c.condition ?? '' }) : '',
          formats ? t('dossiers.files.formats', { formats }) : '',
        ]
          .filter(Boolean)
          .join(' ');
        const error = uploadErrors[c.code] || errors?.[c.code];
        return (
          <div className="dossier-upload" key={c.code}>
            <FileField
              id={id}
              label={`${c.code}. ${c.name}`}
              hint={hint || undefined}
              error={error || undefined}
              {...(required ? { required: true } : { optionalText: t('dossiers.files.optional') })}
              accept={(c.acceptedFormats ?? []).map((f) => MIME[f] ?? `.${f}`).join(',') || undefined}
              aria-busy={busy === c.code || undefined}
              onFile={(file) => void upload(c.code, file, document.getElementById(id) as HTMLInputElement | null)}
            />
            {list.length > 0 && (
              <ul className="dossier-upload__list" aria-label={t('dossiers.files.attachedTo', { name: c.name })}>
                {list.map((f) => (
                  <li key={f.id}>
                    <span>
                      {f.name} <span className="muted">({f.format.toUpperCase()}, {sizeText(f.size, language)})</span>
                    </span>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => onChange({ ...files, [c.code]: list.filter((x) => x.id !== f.id) })}
                    >
                      {t('dossiers.files.remove')}
                      <span className="visually-hidden"> {f.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <Status>{announce}</Status>
    </div>
  );
}
