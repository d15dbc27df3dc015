import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Issue 9 item 11: the desk asks by a phone's last 7 digits, by name before surname and by birth
 * date. Each gets an index. The two derived keys are generated columns, computed by the engine from
 * what every writer already stores (`digits`, `name_key`), so no writer can forget them and existing
 * rows are covered without a backfill.
 */
export function patientSearch(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') {
        await sql`alter table patient_phones add column tail7 text collate "C" generated always as (right(digits, 7)) stored`.execute(db);
        // name_key is "surname first patronymic": the same words with the first name first.
        await sql`alter table patients add column given_key text collate "C" generated always as (
          case when position(' ' in name_key) = 0 then name_key
          else split_part(name_key, ' ', 2) || ' ' || split_part(name_key, ' ', 1)
            || substr(name_key, length(split_part(name_key, ' ', 1)) + length(split_part(name_key, ' ', 2)) + 2) end) stored`.execute(db);
      } else {
        // SQLite adds only VIRTUAL generated columns to an existing table; an index on one stores its values.
        await sql`alter table patient_phones add column tail7 text generated always as (substr(digits, -7)) virtual`.execute(db);
        await sql`alter table patients add column given_key text generated always as (
          case when instr(name_key, ' ') = 0 then name_key
          when instr(substr(name_key, instr(name_key, ' ') + 1), ' ') = 0
            then substr(name_key, instr(name_key, ' ') + 1) || ' ' || substr(name_key, 1, instr(name_key, ' ') - 1)
          else substr(substr(name_key, instr(name_key, ' ') + 1), 1, instr(substr(name_key, instr(name_key, ' ') + 1), ' ') - 1)
            || ' ' || substr(name_key, 1, instr(name_key, ' ') - 1)
            || substr(substr(name_key, instr(name_key, ' ') + 1), instr(substr(name_key, instr(name_key, ' ') + 1), ' ')) end) virtual`.execute(db);
      }
      await db.schema.createIndex('patient_phones_tail7').on('patient_phones').columns(['clinic_id', 'tail7']).execute();
      await db.schema.createIndex('patients_given_key').on('patients').columns(['clinic_id', 'given_key']).execute();
      // With name_key: one date's patients come in the order the list shows them, no sort, no name-index walk.
      await db.schema.createIndex('patients_birth_date').on('patients').columns(['clinic_id', 'birth_date', 'name_key']).execute();
    },
  };
}
