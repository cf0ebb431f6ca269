// Thêm thủ tục: a new procedure of a unit the officer administers, created as a draft (version 1)
// with a starting e-form, then edited in the version editor.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { buildEform } from '@server/core/eforms/builder.ts';
import { currentLanguage } from '../../../../i18n/index.ts';
import { Link, useRouter } from '../../../../router.tsx';
import { catalogApi, stripPointer, type ProcedureContent } from '../../api.ts';
import { Checkbox, ErrorSummary, failureText, SelectField, type SummaryItem, TextField } from '../../../../components/forms.tsx';
import type { Rights } from '../../components/rights.ts';
import { contentPointerLabel } from '../../components/pointers.ts';
import { CATALOG_PATHS } from '../../paths.ts';
import { AdminGate } from './AdminGate.tsx';
import '../../catalog.css';

export function CreateProcedurePage() {
  const { t } = useTranslation();
  return <AdminGate title={t('catalog.create.title')}>{({ rights }) => <CreateProcedure rights={rights} />}</AdminGate>;
}

/** A starting content: the applicant (prefilled from the population data) and a declaration. */
function starterContent(name: string, field: { code: string; name: string }, unitId: string): ProcedureContent {
  const eform = buildEform({
    sections: [
      { id: 'applicant', title: { vi: 'Thông tin người nộp hồ sơ', en: 'Applicant' } },
      { id: 'declaration', title: { vi: 'Cam đoan', en: 'Declaration' } },
    ],
    fields: [
      { path: 'applicant.fullName', section: 'applicant', type: 'text', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, prefill: 'fullName', maxLength: 100 },
      { path: 'applicant.personalId', section: 'applicant', type: 'personal_id', label: { vi: 'Số định danh cá nhân', en: 'Personal ID number' }, required: true, prefill: 'personalId' },
      { path: 'applicant.phone', section: 'applicant', type: 'phone', label: { vi: 'Số điện thoại', en: 'Phone number' }, required: true },
      {
        path: 'declaration.truthful',
        section: 'declaration',
        type: 'checkbox',
        label: { vi: 'Tôi cam đoan các thông tin kê khai là đúng sự thật.', en: 'I declare that the information given is true.' },
        required: true,
      },
    ],
  });
  return {
    name,
    field,
    level: 'central',
    implementingUnits: [{ unitId, role: 'decides' }],
    subjects: { kinds: ['citizen'], origins: ['vietnamese'] },
    onlineLevel: 'partial',
    fullOnlineEligible: false,
    methods: { channels: ['direct', 'online'] },
    sequence: [],
    fees: [],
    components: [],
    result: { producesDocument: true },
    // A starting workflow (4.5 working days in all): adjust it to the time limit in the JSON tab.
    steps: [
      { kind: 'receive', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receiver', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'examine', name: 'Thẩm định hồ sơ', role: 'specialist', budget: { value: 2, unit: 'working_days' } },
      { kind: 'approve', name: 'Phê duyệt', role: 'unit_leader', budget: { value: 1, unit: 'working_days' } },
      { kind: 'sign_issue', name: 'Ký, ban hành kết quả', role: 'unit_leader', budget: { value: 0.5, unit: 'working_days' } },
      { kind: 'return', name: 'Trả kết quả', role: 'receiver', budget: { value: 0.5, unit: 'working_days' } },
    ],
    eform: eform as ProcedureContent['eform'],
    legalBasis: [],
    publicationDecisions: [],
  };
}

function CreateProcedure({ rights }: { rights: Rights }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { navigate } = useRouter();
  const units = [...rights.adminUnits].map((id) => ({ value: id, label: rights.unitNames.get(id)?.[language] ?? id }));
  const [code, setCode] = useState('');
  const [demo, setDemo] = useState(false);
  const [owner, setOwner] = useState(units[0]?.value ?? '');
  const [name, setName] = useState('');
  const [fieldCode, setFieldCode] = useState('');
  const [fieldName, setFieldName] = useState('');
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const ids: Record<string, string> = { code: 'new-code', ownerUnitId: 'new-owner', name: 'new-name', fieldCode: 'new-field-code', fieldName: 'new-field-name' };
  const labels: Record<string, string> = {
    code: t('catalog.create.code'),
    ownerUnitId: t('catalog.admin.owner'),
    name: t('catalog.parts.name'),
    fieldCode: t('catalog.editor.fieldCode'),
    fieldName: t('catalog.procedure.field'),
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local = new Map<string, string>();
    if (!/^[123]\.\d{6}$/.test(code.trim())) local.set('code', t('catalog.create.codeInvalid'));
    if (!name.trim()) local.set('name', t('catalog.create.required'));
    if (!fieldCode.trim()) local.set('fieldCode', t('catalog.create.required'));
    if (!fieldName.trim()) local.set('fieldName', t('catalog.create.required'));
    if (!owner) local.set('ownerUnitId', t('catalog.create.required'));
    setAttempt((a) => a + 1);
    setGeneral([]);
    setErrors(local);
    if (local.size > 0) return;
    setBusy(true);
    const r = await catalogApi.create(
      { code: code.trim(), codeStatus: demo ? 'demo' : 'verified', ownerUnitId: owner, content: starterContent(name.trim(), { code: fieldCode.trim(), name: fieldName.trim() }, owner) },
      language,
    );
    setBusy(false);
    if (r.kind === 'ok') {
      navigate(CATALOG_PATHS.adminVersion(r.data.code, r.data.version.number));
      return;
    }
    const server = new Map<string, string>();
    const rest: string[] = [];
    if (r.kind === 'problem') {
      for (const fe of r.problem.errors ?? []) {
        const p = stripPointer(fe.pointer, '/body');
        const key = p === '/code' ? 'code' : p === '/ownerUnitId' ? 'ownerUnitId' : p === '/content/name' ? 'name' : p === '/content/field/code' ? 'fieldCode' : p === '/content/field/name' ? 'fieldName' : undefined;
        if (key) server.set(key, fe.message);
        else rest.push(`${contentPointerLabel(t, p ?? fe.pointer)}: ${fe.message}`);
      }
    }
    if (server.size === 0 && rest.length === 0) rest.push(failureText(t, r));
    setErrors(server);
    setGeneral(rest);
  }

  const summary: SummaryItem[] = [
    ...[...errors].map(([k, m]) => ({ target: ids[k]!, text: t('errors.summaryItem', { field: labels[k], message: m }) })),
    ...general.map((text) => ({ text })),
  ];

  return (
    <div className="page catalog">
      <nav className="cat-breadcrumb" aria-label={t('catalog.breadcrumb')}>
        <ol>
          <li>
            <Link to={CATALOG_PATHS.admin}>{t('catalog.admin.title')}</Link>
          </li>
          <li aria-current="page">{t('catalog.create.title')}</li>
        </ol>
      </nav>
      <h1 tabIndex={-1}>{t('catalog.create.title')}</h1>
      <p className="lead">{t('catalog.create.intro')}</p>
      <ErrorSummary items={summary} attempt={attempt} />
      <form className="panel cat-form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="create-form-title">
        <h2 id="create-form-title" className="visually-hidden">
          {t('catalog.create.title')}
        </h2>
        <TextField id="new-code" label={labels.code!} hint={t('catalog.create.codeHint')} required inputClassName="input--short" value={code} onValue={setCode} error={errors.get('code')} />
        <Checkbox id="new-demo" label={t('catalog.create.demo')} checked={demo} onValue={setDemo} />
        <SelectField id="new-owner" label={labels.ownerUnitId!} value={owner} options={units} onValue={setOwner} error={errors.get('ownerUnitId')} />
        <TextField id="new-name" label={labels.name!} required value={name} onValue={setName} error={errors.get('name')} />
        <div className="cat-content-form__row">
          <TextField id="new-field-code" label={labels.fieldCode!} hint={t('catalog.create.fieldCodeHint')} required inputClassName="input--short" value={fieldCode} onValue={setFieldCode} error={errors.get('fieldCode')} />
          <TextField id="new-field-name" label={labels.fieldName!} required value={fieldName} onValue={setFieldName} error={errors.get('fieldName')} />
        </div>
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {t('catalog.create.submit')}
        </button>
      </form>
    </div>
  );
}
