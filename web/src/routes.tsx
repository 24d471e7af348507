// The route table: public pages (sign-in, links, rating, 404) and the signed-in pages inside the app shell.
import { createBrowserRouter } from "react-router-dom";
import { AdminPage } from "./admin/admin-page.tsx";
import { AlertsPage } from "./alerts/alerts-page.tsx";
import { ForgotPasswordPage } from "./auth/forgot-password-page.tsx";
import { ResetPasswordPage } from "./auth/reset-password-page.tsx";
import { SignInPage } from "./auth/sign-in-page.tsx";
import { EngagementPage } from "./engagements/engagement-page.tsx";
import { EngagementsPage } from "./engagements/engagements-page.tsx";
import { InvitePage } from "./invitations/invite-page.tsx";
import { CohortPage } from "./matching/cohort-page.tsx";
import { ShortlistPage } from "./matching/shortlist-page.tsx";
import { PrivacyPage } from "./privacy/privacy-page.tsx";
import { RatePage } from "./ratings/rate-page.tsx";
import { AppShell } from "./shell/app-shell.tsx";
import { ErrorPage } from "./shell/error-page.tsx";
import { NotFoundPage } from "./shell/not-found-page.tsx";
import { PublicLayout } from "./shell/public-layout.tsx";
import { RatingLayout } from "./shell/rating-layout.tsx";
import { TranscriptPage } from "./transcripts/transcript-page.tsx";

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <ErrorPage />,
    children: [
      { path: "/", element: <EngagementsPage /> },
      { path: "/engagements/:engagementId", element: <EngagementPage /> },
      { path: "/engagements/:engagementId/sessions/:sessionId/transcript", element: <TranscriptPage /> },
      { path: "/alerts", element: <AlertsPage /> },
      { path: "/admin", element: <AdminPage /> },
      { path: "/matching", element: <CohortPage /> },
      { path: "/find-a-coach", element: <ShortlistPage /> },
      { path: "/privacy", element: <PrivacyPage /> },
    ],
  },
  {
    // The coachee rates a session from a link, without an account: outside the signed-in shell.
    element: <RatingLayout />,
    errorElement: <ErrorPage />,
    children: [{ path: "/rate/:token", element: <RatePage /> }],
  },
  {
    element: <PublicLayout />,
    errorElement: <ErrorPage />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password", element: <ResetPasswordPage /> },
      { path: "/invite", element: <InvitePage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
