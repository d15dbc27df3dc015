import { withTx, type DbHandle } from '../db/connect.js';
import { seedDemoClinic, type DemoLogin } from '../demo/seed-demo.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/repos/audit.repo.js';
import { firstClinicId, insertClinic } from '../db/repos/clinic.repo.js';
import { insertUser } from '../db/repos/users.repo.js';
import { SHIPPED_YEARS } from '../domain/calendar/production-calendar.js';
import { passwordProblem } from '../domain/password-policy.js';
import { generatePassword, hashPassword } from './auth.service.js';
import { loadShipped } from './calendar.service.js';
import { requireDemoPasswordChange } from './demo.service.js';
import { seedDemoDestructions } from './retention.service.js';
import { demoDocumentWriter } from './documents-demo.service.js';
import { FIXED_PATIENT } from '../demo/demo-patients.js';
import { seedDemoClinicDocuments } from '../demo/demo-documents.js';
import { seedDemoQuestionnaires } from '../demo/demo-questionnaires.js';
import { demoAnswerWriter } from './questionnaire-demo.service.js';

const CLINIC_NAME = 'Стоматологическая клиника';
const OWNER_LOGIN = 'owner';
const OWNER_NAME = 'Владелец';

export type BootstrapResult = (
  | { kind: 'existing'; clinicId: string }
  | { kind: 'demo'; clinicId: string; logins: DemoLogin[] }
  | { kind: 'owner'; clinicId: string; login: string; password: string | null }
) & {
  /** Demo accounts that must change their published password at the next sign-in (the server is exposed). */
  mustChangePassword: string[];
};

/**
 * First start on an empty database: the demo clinic (unless switched off), or an empty
 * clinic with its owner account. On later starts nothing is created. On every start where the
 * server is `exposed` (listens beyond loopback), the demo's accounts still on the published
 * password must change it at their next sign-in.
 */
export async function bootstrap(
  h: DbHandle,
  opts: { demo: boolean; ownerPassword?: string; now: Date; exposed?: boolean; demoPatients?: number },
): Promise<BootstrapResult> {
  const exposedDemo = (clinicId: string) => (opts.exposed ? requireDemoPasswordChange(h, clinicId, opts.now) : Promise.resolve([]));
  const existing = await firstClinicId(h.db);
  if (existing) return { kind: 'existing', clinicId: existing, mustChangePassword: await exposedDemo(existing) };
  if (opts.demo) {
    const { clinicId, logins } = await seedDemoClinic(h, { now: opts.now, hashPassword, patients: opts.demoPatients });
    // #11: the demo's documents, frozen by the documents service's writer (src/demo may not import the templates).
    await seedDemoClinicDocuments(h, clinicId, opts.now, demoDocumentWriter(h, clinicId, opts.now));
    // DOC-2/DOC-3: some of today's and tomorrow's patients answered their questionnaires (red flags, one expired, DOC-3 in the card).
    await seedDemoQuestionnaires(h, clinicId, opts.now, demoDocumentWriter(h, clinicId, opts.now), demoAnswerWriter(h, clinicId));
    await withTx(h, (trx) =>
      appendAudit(trx, {
        clinicId, at: opts.now.toISOString(), userId: null, userLogin: 'system', role: null, action: 'create',
        objectType: 'clinic', objectId: clinicId, patientId: null, ip: null, details: { demo: true },
      }),
    );
    await seedDemoDestructions(h, opts.now, FIXED_PATIENT.surname);
    return { kind: 'demo', clinicId, logins, mustChangePassword: await exposedDemo(clinicId) };
  }
  const clinicId = newId();
  if (opts.ownerPassword) {
    const problem = passwordProblem(opts.ownerPassword, { login: OWNER_LOGIN, names: [OWNER_NAME], clinicName: CLINIC_NAME });
    if (problem) throw new Error(`VIZIT_OWNER_PASSWORD не подходит: ${problem.ru} / VIZIT_OWNER_PASSWORD cannot be used: ${problem.en}`);
  }
  const password = opts.ownerPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const at = opts.now.toISOString();
  await withTx(h, async (trx) => {
    await insertClinic(trx, {
      id: clinicId, name: CLINIC_NAME, legal_name: null, time_zone: 'Europe/Moscow',
      phone: null, email: null, website: null, licence: null, created_at: at,
    });
    for (const year of SHIPPED_YEARS) await loadShipped(trx, clinicId, year);
    const userId = newId();
    await insertUser(trx, {
      id: userId, clinic_id: clinicId, login: OWNER_LOGIN, full_name: OWNER_NAME, role: 'owner', password_hash: passwordHash,
      is_active: 1, must_change_password: opts.ownerPassword ? 0 : 1, created_at: at, password_changed_at: at, last_login_at: null,
    });
    await appendAudit(trx, {
      clinicId, at, userId: null, userLogin: 'system', role: null, action: 'create', objectType: 'clinic', objectId: clinicId,
      patientId: null, ip: null, details: { demo: false },
    });
  });
  return { kind: 'owner', clinicId, login: OWNER_LOGIN, password: opts.ownerPassword ? null : password, mustChangePassword: [] };
}
