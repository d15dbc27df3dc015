import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Db } from './connect.js';

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
export function auditKeyOf(db: Db): Buffer | undefined {
  for (const p of db.getExecutor().plugins) if (p instanceof AuditKeyCarrier) return p.key;
  return undefined;
}
