import { sql, type Kysely } from 'kysely';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RowHasher, type Snapshot, type TableSum, type Verify } from './backup-manifest.js';
import { NotEmptyError } from './backup-sqlite.js';
import { connect, type Db } from './connect.js';

export const PG_DUMP_FILE = 'vizit.pgdump';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const TEXT_TYPES = new Set(['text', 'character varying', 'character']);

/**
 * libpq keyword/value form of the URL for pg_dump and pg_restore. node-pg and libpq disagree on
 * URL details ("+" in options, for one), and the password goes into a 0600 passfile rather than
 * the command line, where any local user could read it.
 */
function libpq(url: string): { conninfo: string; cleanup(): void } {
  const u = new URL(url);
  const kv = (k: string, v: string) => `${k}='${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const parts = [kv('dbname', decodeURIComponent(u.pathname.slice(1)) || 'postgres')];
  if (u.hostname) parts.push(kv('host', decodeURIComponent(u.hostname)));
  if (u.port) parts.push(kv('port', u.port));
  if (u.username) parts.push(kv('user', decodeURIComponent(u.username)));
  for (const k of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey']) {
    const v = u.searchParams.get(k);
    if (v) parts.push(kv(k, v));
  }
  let passfile: string | undefined;
  if (u.password) {
    passfile = path.join(os.tmpdir(), `vizit-pgpass-${randomBytes(6).toString('hex')}`);
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
    fs.writeFileSync(passfile, `*:*:*:*:${esc(decodeURIComponent(u.password))}\n`, { mode: 0o600 });
    parts.push(kv('passfile', passfile));
  }
  return { conninfo: parts.join(' '), cleanup: () => passfile && fs.rmSync(passfile, { force: true }) };
}

/** Runs a PostgreSQL client tool; rejects with its stderr on a non-zero exit. */
function run(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      reject(new Error(`${tool} не запускается (установите postgresql-client) / cannot run ${tool} (install postgresql-client): ${e.message}`)),
    );
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${tool}: код выхода / exit code ${code}: ${err.trim().slice(0, 2000)}`))));
  });
}

/** Counts and checksums of every table of the schema, read in primary-key order with byte ("C") order for text. */
export async function pgSnapshot(conn: Db, schema: string): Promise<Snapshot> {
  const tables = (await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p') order by c.relname`.execute(conn)).rows.map((r) => r.name);
  const cols = (await sql<{ t: string; c: string; type: string }>`select table_name as t, column_name as c, data_type as type
      from information_schema.columns where table_schema = ${schema}`.execute(conn)).rows;
  const pks = (await sql<{ t: string; c: string; pos: number }>`select t.relname as t, a.attname as c, array_position(i.indkey::int2[], a.attnum) as pos
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
      where i.indisprimary and n.nspname = ${schema}`.execute(conn)).rows;
  const sums: Record<string, TableSum> = {};
  for (const t of tables) {
    const columns = cols.filter((c) => c.t === t).map((c) => c.c).sort();
    const textCols = new Set(cols.filter((c) => c.t === t && TEXT_TYPES.has(c.type)).map((c) => c.c));
    const primaryKey = pks.filter((p) => p.t === t).sort((a, b) => a.pos - b.pos).map((p) => p.c);
    const order = (primaryKey.length ? primaryKey : columns).map((c) => (textCols.has(c) ? `${ident(c)} collate "C"` : ident(c))).join(', ');
    const hasher = new RowHasher(columns);
    // A cursor: one sort per table, memory bounded, and still inside the caller's snapshot.
    await sql.raw(`declare vizit_sum no scroll cursor for select ${columns.map(ident).join(', ')} from ${ident(schema)}.${ident(t)} order by ${order}`).execute(conn);
    for (;;) {
      const batch = (await sql.raw<Record<string, unknown>>('fetch forward 5000 from vizit_sum').execute(conn)).rows;
      for (const row of batch) hasher.addObject(row);
      if (batch.length < 5000) break;
    }
    await sql.raw('close vizit_sum').execute(conn);
    sums[t] = { rows: hasher.rows, sha256: hasher.digest(), columns, primaryKey };
  }
  const migrations = tables.includes('kysely_migration')
    ? (await sql.raw<{ name: string }>(`select name from ${ident(schema)}.kysely_migration order by name collate "C"`).execute(conn)).rows.map((r) => r.name)
    : [];
  const auditHeads: Snapshot['auditHeads'] = {};
  if (tables.includes('audit_heads')) {
    const heads = await sql.raw<{ clinic_id: string; seq: number; hash: string }>(`select clinic_id, seq, hash from ${ident(schema)}.audit_heads`).execute(conn);
    for (const r of heads.rows) auditHeads[r.clinic_id] = { seq: Number(r.seq), hash: r.hash };
  }
  return { migrations, tables: sums, auditHeads };
}

/**
 * pg_dump -Fc of the app's schema while the app keeps writing. One REPEATABLE READ transaction
 * exports its snapshot; pg_dump imports it (--snapshot) and the manifest is read in that same
 * transaction, so dump and manifest see exactly the same committed writes.
 */
export async function backupPostgres(url: string, dest: string): Promise<{ schema: string; snapshot: Snapshot }> {
  const h = connect({ databaseUrl: url, poolMax: 1 });
  const pq = libpq(url);
  try {
    return await h.db.connection().execute(async (conn) => {
      await sql`begin isolation level repeatable read read only`.execute(conn);
      try {
        const schema = (await sql<{ s: string | null }>`select current_schema() as s`.execute(conn)).rows[0].s;
        if (!schema) throw new Error('Схема приложения не найдена (search_path) / the app schema was not found (search_path)');
        const id = (await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(conn)).rows[0].id;
        const dump = run('pg_dump', ['-Fc', '--no-owner', '--no-privileges', `--snapshot=${id}`, '-n', ident(schema), '-f', dest, '-d', pq.conninfo]);
        // Both run at once; the dump must not outlive the transaction whose snapshot it uses.
        const [snapshot] = await Promise.all([pgSnapshot(conn, schema), dump]);
        return { schema, snapshot };
      } finally {
        await sql`commit`.execute(conn).catch(() => undefined);
      }
    });
  } finally {
    pq.cleanup();
    await h.close();
  }
}

/** The first schema named in the URL's options (-c search_path=…), else public. */
export function schemaOfUrl(url: string): string {
  const opts = new URL(url).searchParams.get('options') ?? '';
  const m = /search_path\s*=\s*("?)([^,\s"]+)\1/.exec(opts);
  return m ? m[2] : 'public';
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

async function tableCount(db: Kysely<any>, schema: string): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = ${schema}`.execute(db)).rows[0].n);
}

async function schemaExists(db: Kysely<any>, schema: string): Promise<boolean> {
  return (await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db)).rows.length > 0;
}

export interface PgRestoreTarget {
  url: string;
  force: boolean;
}

/**
 * pg_restore of the dumped schema into the target database, then verify; the dump is restored
 * under its own schema name and renamed to the target's (the first schema of its search_path)
 * only after it verified. On any failure what the restore created is dropped again.
 */
export async function restorePostgres(
  dataFile: string,
  dumpedSchema: string,
  target: PgRestoreTarget,
  verify: Verify,
): Promise<string> {
  const targetSchema = schemaOfUrl(target.url);
  const where = `${new URL(target.url).pathname.slice(1)}, схема / schema ${targetSchema}`;
  const admin = connect({ databaseUrl: target.url, poolMax: 1 });
  const pq = libpq(target.url);
  let created = false;
  let toc: string[] = [];
  try {
    toc = (await run('pg_restore', ['-l', dataFile])).split('\n');
    if (!target.force && (await tableCount(admin.db, targetSchema)) > 0) throw new NotEmptyError(where);
    if (target.force && targetSchema === 'public') {
      // Never drop public itself: btree_gist, which other schemas may use, lives there.
      for (const t of (await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public'`.execute(admin.db)).rows) {
        await sql.raw(`drop table if exists public.${ident(t.t)} cascade`).execute(admin.db);
      }
      await undo(admin.db, 'public', false, toc);
    } else if (target.force) await sql.raw(`drop schema if exists ${ident(targetSchema)} cascade`).execute(admin.db);
    if (dumpedSchema !== targetSchema && (await schemaExists(admin.db, dumpedSchema))) {
      if ((await tableCount(admin.db, dumpedSchema)) > 0) {
        throw new Error(`В целевой базе уже есть схема ${dumpedSchema} с таблицами / the target database already has a schema ${dumpedSchema} with tables`);
      }
      await sql.raw(`drop schema ${ident(dumpedSchema)}`).execute(admin.db);
    }
    // 001-foundation's exclusion constraints need btree_gist; the dump of one schema does not carry it.
    await sql`create extension if not exists btree_gist schema public`.execute(admin.db);
    if (!(await schemaExists(admin.db, dumpedSchema))) {
      await sql.raw(`create schema ${ident(dumpedSchema)}`).execute(admin.db);
      created = true;
    }
    // Skip the dump's CREATE SCHEMA (and its comment): the schema exists now.
    const list = path.join(os.tmpdir(), `vizit-restore-${randomBytes(6).toString('hex')}.list`);
    fs.writeFileSync(list, toc.filter((l) => !/^\d+;\s+\d+\s+\d+\s+(SCHEMA|COMMENT) - /.test(l)).join('\n'));
    try {
      await run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', '-L', list, '-d', pq.conninfo, dataFile]);
    } finally {
      fs.rmSync(list, { force: true });
    }
    const h = connect({ databaseUrl: withSearchPath(target.url, dumpedSchema), poolMax: 1 });
    try {
      await h.db.connection().execute(async (conn) => {
        await sql`begin isolation level repeatable read read only`.execute(conn);
        try {
          await verify(conn, () => null, () => pgSnapshot(conn, dumpedSchema));
        } finally {
          await sql`commit`.execute(conn).catch(() => undefined);
        }
      });
    } finally {
      await h.close();
    }
    if (dumpedSchema !== targetSchema) {
      if (await schemaExists(admin.db, targetSchema)) {
        // An existing (empty) target such as public may hold btree_gist: move the objects in, keep the schema.
        await admin.db.transaction().execute(async (trx) => {
          for (const e of tocObjects(toc)) {
            await sql.raw(`alter ${e.kind} ${ident(dumpedSchema)}.${e.kind === 'table' ? ident(e.name) : e.name} set schema ${ident(targetSchema)}`).execute(trx);
          }
          await sql.raw(`drop schema ${ident(dumpedSchema)}`).execute(trx);
        });
      } else await sql.raw(`alter schema ${ident(dumpedSchema)} rename to ${ident(targetSchema)}`).execute(admin.db);
    }
    return where;
  } catch (e) {
    await undo(admin.db, dumpedSchema, created, toc).catch(() => undefined);
    throw e;
  } finally {
    pq.cleanup();
    await admin.close();
  }
}

/** Drops what a failed restore left: our own schema whole, or the dump's tables and functions in a schema that was there before. */
async function undo(db: Kysely<any>, schema: string, created: boolean, toc: string[]) {
  if (created) {
    await sql.raw(`drop schema if exists ${ident(schema)} cascade`).execute(db);
    return;
  }
  for (const e of tocObjects(toc)) {
    await sql.raw(`drop ${e.kind} if exists ${ident(schema)}.${e.kind === 'table' ? ident(e.name) : e.name} cascade`).execute(db);
  }
}

/** Tables and functions of the dump's table of contents (indexes, constraints, triggers and owned sequences go with their table). */
function tocObjects(toc: string[]): { kind: 'table' | 'function'; name: string }[] {
  const out: { kind: 'table' | 'function'; name: string }[] = [];
  for (const line of toc) {
    const t = /^\d+;\s+\d+\s+\d+\s+TABLE (?!DATA )\S+ (\S+)(?: |$)/.exec(line);
    if (t) out.push({ kind: 'table', name: t[1] });
    const f = /^\d+;\s+\d+\s+\d+\s+FUNCTION \S+ (\S+\(.*\))(?: |$)/.exec(line);
    if (f) out.push({ kind: 'function', name: f[1] });
  }
  return out;
}
