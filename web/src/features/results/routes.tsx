// Pages of signed results: the public verification of a result PDF (upload), and the page the
// QR code printed on a result opens (its code); and the administrators' editor of result templates.
import type { RouteDefinition } from '../../routes.tsx';
import '../../components/components.css';
import { TemplatesPage } from './pages/TemplatesPage.tsx';
import { VerifyCodePage, VerifyPage } from './pages/VerifyPage.tsx';
import { TEMPLATES_PATH } from './api.ts';

export const routes: RouteDefinition[] = [
  { path: '/xac-thuc-ket-qua', titleKey: 'results.verify.title', navKey: 'results.nav.verify', navOrder: 35, Component: VerifyPage },
  { path: '/xac-thuc-ket-qua/:code', titleKey: 'results.verify.title', Component: VerifyCodePage },
  { path: TEMPLATES_PATH, titleKey: 'results.templates.title', Component: TemplatesPage },
];
