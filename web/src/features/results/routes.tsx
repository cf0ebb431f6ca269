// Pages of signed results: the public verification of a result PDF (upload), and the page the
// QR code printed on a result opens (its code).
import type { RouteDefinition } from '../../routes.tsx';
import '../../components/components.css';
import { VerifyCodePage, VerifyPage } from './pages/VerifyPage.tsx';

export const routes: RouteDefinition[] = [
  { path: '/xac-thuc-ket-qua', titleKey: 'results.verify.title', navKey: 'results.nav.verify', navOrder: 35, Component: VerifyPage },
  { path: '/xac-thuc-ket-qua/:code', titleKey: 'results.verify.title', Component: VerifyCodePage },
];
