import { createHmac } from 'node:crypto';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryExecutor, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Carries the audit chain's HMAC key along with a Kysely instance. Kysely hands its plugins to
 * every transaction and connection made from the instance, so the audit writer finds the key on
 * whatever `trx` it is given, without reading the environment and without a key parameter on
 * every use case. The key itself never goes into the database (see src/server/audit-key.ts).
 */
export class AuditKeyCarrier implements KyselyPlugin {
  constructor(readonly key: Buffer) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The audit key this database handle was opened with (connect({ auditKey })), if any. */
export function auditKeyOf(db: { getExecutor(): QueryExecutor }): Buffer | undefined {
  for (const p of db.getExecutor().plugins) if (p instanceof AuditKeyCarrier) return p.key;
  return undefined;
}

/** The key file's name, in the data folder and in a backup made with --with-key. */
export const AUDIT_KEY_FILE = 'audit.key';

/** A public name of the key (not the key): a backup records it, so a restore can say "wrong key" rather than "broken chain". */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('vizit audit key id').digest('hex').slice(0, 16);
}

/** 32 random bytes or more, written as hex: the form of the key file and of VIZIT_AUDIT_KEY. */
export function parseAuditKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^([0-9a-fA-F]{2}){32,}$/.test(hex)) {
    throw new Error(`${where}: ключ аудита — не менее 64 шестнадцатеричных знаков (32 байта) / the audit key must be at least 64 hex digits (32 bytes)`);
  }
  return Buffer.from(hex, 'hex');
}
