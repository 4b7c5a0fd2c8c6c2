import type { Db } from '../connection';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export async function listAudit(db: Db, filter: { entity?: string; entityId?: number } = {}) {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, details: r.details }));
}
