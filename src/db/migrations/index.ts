import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle } from '../connect.js';
import { foundation } from './001-foundation.js';
import { schedule } from './002-schedule.js';
import { dayIndex } from './003-day-index.js';
import { retention } from './004-retention.js';
import { authThrottle } from './005-auth-throttle.js';
import { patientSearch } from './008-patient-search.js';
import { deskCover } from './009-desk-cover.js';
import { priceList } from './010-price-list.js';
import { openingChecklist } from './011-opening-checklist.js';
import { incidents } from './012-incidents.js';
import { money } from './013-money.js';
import { insurance } from './014-insurance.js';
import { team } from './016-team.js';
import { worklists } from './017-worklists.js';
import { callDesk } from './018-call-desk.js';
import { statisticsIndexes } from './020-statistics-indexes.js';
import { telephony } from './021-telephony.js';
import { surveys } from './023-surveys.js';
import { serviceCardRegulation } from './024-service-card-regulation.js';
import { documents } from './025-documents.js';
import { userBranch } from './028-user-branch.js';
import { mailings } from './026-mailings.js';
import { insurerRejections } from './031-insurer-rejections.js';
import { reminderVisitTime } from './034-reminder-visit-time.js';
import { questionnaireAnswers } from './032-questionnaire-answers.js';

/** Every migration in order. Names are permanent: never rename or edit a shipped one. */
function all(h: Pick<DbHandle, 'dialect'>): Record<string, Migration> {
  return {
    '001-foundation': foundation(h.dialect),
    '002-schedule': schedule(h.dialect),
    '003-day-index': dayIndex,
    '004-retention': retention(h.dialect),
    '005-auth-throttle': authThrottle,
    '008-patient-search': patientSearch(h.dialect),
    '009-desk-cover': deskCover(h.dialect),
    '010-price-list': priceList(h.dialect),
    '011-opening-checklist': openingChecklist(h.dialect),
    '012-incidents': incidents(h.dialect),
    '013-money': money(h.dialect),
    '014-insurance': insurance(h.dialect),
    '016-team': team(h.dialect),
    '017-worklists': worklists(h.dialect),
    '018-call-desk': callDesk(h.dialect),
    '020-statistics-indexes': statisticsIndexes,
    '021-telephony': telephony(h.dialect),
    '023-surveys': surveys(h.dialect),
    '024-service-card-regulation': serviceCardRegulation(h.dialect),
    '025-documents': documents(h.dialect),
    '026-mailings': mailings(h.dialect),
    '028-user-branch': userBranch,
    '031-insurer-rejections': insurerRejections,
    '032-questionnaire-answers': questionnaireAnswers(h.dialect),
    '034-reminder-visit-time': reminderVisitTime(h.dialect),
  };
}

/**
 * Kysely's migrator introspects the tables of EVERY schema of the database before it takes its lock
 * (pg_get_serial_sequence / has_schema_privilege on each schema's name). A schema another
 * tenant, app or test drops meanwhile makes that query fail with «schema "x" does not exist»,
 * though nothing of ours was touched and nothing was migrated yet: such a failure is run again.
 */
const OTHER_SCHEMA_GONE = /^schema "([^"]+)" does not exist$/;
const MIGRATE_ATTEMPTS = 20;

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrate(h: DbHandle): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => all(h) };
  // Name the schema on PostgreSQL: Kysely otherwise takes a migration table of any schema in the database for ours.
  const schema = h.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(h.db)).rows[0].s : undefined;
  // Numbers are handed out to work in parallel: a lower one (032) may land after a higher one (034) already ran somewhere; it runs then.
  const migrator = new Migrator({ db: h.db, provider, allowUnorderedMigrations: true, ...(schema && { migrationTableSchema: schema }) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const message = String((error as Error).message ?? error);
    const gone = OTHER_SCHEMA_GONE.exec(message);
    if (!failed && gone && gone[1] !== schema && attempt < MIGRATE_ATTEMPTS) {
      await new Promise((r) => setTimeout(r, Math.min(200, 10 * attempt)));
      continue;
    }
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${message}`);
  }
}
