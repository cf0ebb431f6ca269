// Pages of ratings and feedback (PAKN): the applicant's rating of a returned dossier, the counter
// kiosk, the public PAKN form and published answers, and the officers' PAKN worklist.
import type { RouteDefinition } from '../../routes.tsx';
import '../../components/components.css';
import './feedback.css';
import { FEEDBACK_PATHS } from './api.ts';
import { AnswerPage, AnswersPage } from './pages/AnswersPage.tsx';
import { FileFeedbackPage } from './pages/FileFeedbackPage.tsx';
import { KioskPage } from './pages/KioskPage.tsx';
import { FeedbackWorklistPage, OfficerFeedbackPage } from './pages/OfficerFeedbackPages.tsx';
import { RatePage } from './pages/RatePage.tsx';

export const routes: RouteDefinition[] = [
  { path: '/danh-gia/:code', titleKey: 'feedback.rating.title', Component: RatePage },
  { path: FEEDBACK_PATHS.kiosk, titleKey: 'feedback.kiosk.title', Component: KioskPage },
  { path: FEEDBACK_PATHS.file, titleKey: 'feedback.file.heading', navKey: 'feedback.nav.file', navOrder: 40, Component: FileFeedbackPage },
  { path: FEEDBACK_PATHS.answers, titleKey: 'feedback.answers.title', Component: AnswersPage },
  { path: '/phan-anh-kien-nghi/tra-loi/:id', titleKey: 'feedback.answers.title', Component: AnswerPage },
  { path: FEEDBACK_PATHS.worklist, titleKey: 'feedback.worklist.title', Component: FeedbackWorklistPage },
  { path: '/can-bo/phan-anh-kien-nghi/:id', titleKey: 'feedback.worklist.title', Component: OfficerFeedbackPage },
];
