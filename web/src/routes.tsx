import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { HomeRedirect } from './components/HomeRedirect';
import { NoAccess } from './components/NoAccess';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission as P } from './components/RequirePermission';
import { AuditPage } from './pages/audit/AuditPage';
import { ChangePasswordPage } from './pages/auth/ChangePasswordPage';
import { LoginPage } from './pages/auth/LoginPage';
import { MyDayPage } from './pages/myday/MyDayPage';
import { SchedulePage } from './pages/schedule/SchedulePage';
import { WeekPage } from './pages/schedule/WeekPage';
import { CardPullPage } from './pages/desk/CardPullPage';
import { GapsPage } from './pages/desk/GapsPage';
import { WorklistsPage } from './pages/worklists/WorklistsPage';
import { WaitingListPage } from './pages/desk/WaitingListPage';
import { TodayBoardPage } from './pages/desk/TodayBoardPage';
import { StatisticsPage } from './pages/statistics/StatisticsPage';
import { SurveyResultsPage } from './pages/surveys-results/SurveyResultsPage';
import { DoctorPage } from './pages/doctors/DoctorPage';
import { DoctorsPage } from './pages/doctors/DoctorsPage';
import { NewPatientPage } from './pages/patients/NewPatientPage';
import { PatientCardPage } from './pages/patients/PatientCardPage';
import { PatientsPage } from './pages/patients/PatientsPage';
import { PricesPage } from './pages/prices/PricesPage';
import { CashPage } from './pages/cash/CashPage';
import { CallCardPage } from './pages/calls/CallCardPage';
import { CallsPage } from './pages/calls/CallsPage';
import { IncidentsPage } from './pages/incidents/IncidentsPage';
import { FiscalOutboxPage } from './pages/money/FiscalOutboxPage';
import { MoneyPage } from './pages/money/MoneyPage';
import { InsurancePage } from './pages/insurance/InsurancePage';
import { OpeningChecklistPage } from './pages/checklist/OpeningChecklistPage';
import { DestructionActPage } from './pages/retention/DestructionActPage';
import { DestructionsPage } from './pages/retention/DestructionsPage';
import { BranchesPage } from './pages/settings/BranchesPage';
import { CalendarPage } from './pages/settings/CalendarPage';
import { ClinicPage } from './pages/settings/ClinicPage';
import { InfoSourcesPage } from './pages/settings/InfoSourcesPage';
import { StaffPage } from './pages/settings/StaffPage';
import { DocumentTemplatesPage } from './pages/document-templates/DocumentTemplatesPage';
import { TemplateEditorPage } from './pages/document-templates/TemplateEditorPage';
import { TelephonyPage } from './pages/settings/TelephonyPage';
import { JobDescriptionsPage } from './pages/team/JobDescriptionsPage';
import { MessagesPage } from './pages/team/MessagesPage';
import { TasksPage } from './pages/team/TasksPage';
import { TrainingPage } from './pages/team/TrainingPage';
import { MailingsPage } from './pages/mailings/MailingsPage';
import { MailingSettingsPage } from './pages/mailings/MailingSettingsPage';

/**
 * Every screen of the app. A new area (schedule, calls, confirmations…) adds its routes to
 * `signedIn` and its menu entry to components/navigation.ts.
 */
const signedIn: RouteObject[] = [
  { index: true, element: <HomeRedirect /> },
  { path: 'schedule', element: <P permission="schedule.read"><SchedulePage /></P> },
  { path: 'schedule/week', element: <P permission="schedule.read"><WeekPage /></P> },
  { path: 'my-day', element: <MyDayPage /> },
  { path: 'patients', element: <P permission="patients.read"><PatientsPage /></P> },
  { path: 'patients/new', element: <P permission="patients.write"><NewPatientPage /></P> },
  { path: 'patients/:id', element: <P permission="patients.read"><PatientCardPage /></P> },
  { path: 'desk', element: <Navigate to="/desk/gaps" replace /> },
  { path: 'desk/calls', element: <P permission="schedule.write"><WorklistsPage /></P> },
  { path: 'desk/gaps', element: <P permission="schedule.read"><GapsPage /></P> },
  { path: 'desk/waiting-list', element: <P permission="schedule.read"><WaitingListPage /></P> },
  { path: 'desk/card-pull', element: <P permission="schedule.read"><CardPullPage /></P> },
  { path: 'desk/today', element: <P permission="schedule.read"><TodayBoardPage /></P> },
  { path: 'statistics', element: <P permission="stats.read"><StatisticsPage /></P> },
  { path: 'mailings', element: <P permission="mailings.manage"><MailingsPage /></P> },
  { path: 'settings/mailings', element: <P permission="mailings.settings"><MailingSettingsPage /></P> },
  { path: 'surveys/results', element: <P permission="surveys.read"><SurveyResultsPage /></P> },
  { path: 'desk/opening', element: <P permission="checklist.tick"><OpeningChecklistPage /></P> },
  { path: 'prices', element: <P permission="prices.read"><PricesPage /></P> },
  { path: 'cash', element: <P permission="cash.take"><CashPage /></P> },
  { path: 'calls', element: <P permission="calls.write"><CallsPage /></P> },
  { path: 'calls/new', element: <P permission="calls.write"><CallCardPage /></P> },
  { path: 'incidents', element: <P permission="incidents.read"><IncidentsPage /></P> },
  { path: 'money', element: <P permission="money.report"><MoneyPage /></P> },
  { path: 'fiscal-receipts', element: <P permission="fiscal.outbox"><FiscalOutboxPage /></P> },
  { path: 'insurance', element: <P permission="insurance.manage"><InsurancePage /></P> },
  { path: 'settings', element: <Navigate to="/settings/clinic" replace /> },
  { path: 'settings/clinic', element: <P permission="clinic.read"><ClinicPage /></P> },
  { path: 'settings/branches', element: <P permission="clinic.read"><BranchesPage /></P> },
  { path: 'settings/calendar', element: <P permission="clinic.read"><CalendarPage /></P> },
  { path: 'settings/staff', element: <P permission="staff.read"><StaffPage /></P> },
  { path: 'settings/document-templates', element: <P permission="documents.manage"><DocumentTemplatesPage /></P> },
  { path: 'settings/document-templates/:code', element: <P permission="documents.manage"><TemplateEditorPage /></P> },
  { path: 'settings/doctors', element: <P permission="doctors.read"><DoctorsPage /></P> },
  { path: 'settings/doctors/new', element: <P permission="doctors.write"><DoctorPage /></P> },
  { path: 'settings/doctors/:id', element: <P permission="doctors.read"><DoctorPage /></P> },
  { path: 'settings/sources', element: <P permission="sources.write"><InfoSourcesPage /></P> },
  { path: 'settings/telephony', element: <P permission="clinic.write"><TelephonyPage /></P> },
  { path: 'settings/pd-destructions', element: <P permission="patients.destroy"><DestructionsPage /></P> },
  { path: 'settings/pd-destructions/:id', element: <P permission="patients.destroy"><DestructionActPage /></P> },
  { path: 'audit', element: <P permission="audit.read"><AuditPage /></P> },
  { path: 'team/messages', element: <MessagesPage /> },
  { path: 'tasks', element: <TasksPage /> },
  { path: 'team/descriptions', element: <JobDescriptionsPage /> },
  { path: 'team/training', element: <TrainingPage /> },
  { path: 'password', element: <ChangePasswordPage /> },
  { path: '*', element: <NoAccess notFound /> },
];

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: <RequireAuth />,
      children: [{ path: '/', element: <AppLayout />, children: signedIn }],
    },
  ]);
}
