import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The approved price list (CALL-6, DESK-4): services with the clinic's code, the Ministry of
 * Health nomenclature code, name, section and note; prices as versions from a date, never edited
 * once started. Money: integer kopecks (a price up to 20 million rubles fits an integer on both engines).
 */
export function priceList(dialect: Dialect): Migration {
  const instant = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('price_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('moh_code', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        // Lower-case, ё as е: what the phone desk's search compares with.
        .addColumn('search_key', 'text', (c) => c.notNull())
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', instant, (c) => c.notNull())
        .addColumn('updated_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('price_items_code').on('price_items').columns(['clinic_id', 'code']).unique().execute();
      await db.schema.createIndex('price_items_section').on('price_items').columns(['clinic_id', 'section']).execute();
      await db.schema
        .createTable('price_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('item_id', 'text', (c) => c.notNull().references('price_items.id'))
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('price_min', 'integer', (c) => c.notNull())
        .addColumn('price_max', 'integer')
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('price_versions_item').on('price_versions').columns(['item_id', 'valid_from']).unique().execute();
      await db.schema.createIndex('price_versions_clinic').on('price_versions').columns(['clinic_id', 'valid_from']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('price_versions').execute();
      await db.schema.dropTable('price_items').execute();
    },
  };
}
