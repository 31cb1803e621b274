import type { DataSource, EntityManager, EntityTarget, FindManyOptions, FindOptionsWhere, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ActorType } from "@portal/schema";
import { isMysql } from "./data-source";
import { insertRows } from "./insert-rows";
import { runInTransaction } from "./transaction";

/** Who is acting, for permission decisions already made and for the audit log. */
export interface Actor {
  type: ActorType;
  id: string | null;
  label: string | null;
  staffId: number | null;
  ip: string | null;
  requestId: string | null;
}

type OrgOwned = ObjectLiteral & { organizationId: number };
type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];

/**
 * Tenancy by construction: every read and write made through a scope is filtered by, or stamped
 * with, the caller's organization. Services receive a scope, never a bare EntityManager, so a
 * forgotten `organizationId` condition cannot happen in a service.
 */
export class OrgScope {
  constructor(
    readonly dataSource: DataSource,
    readonly manager: EntityManager,
    readonly organizationId: number,
    readonly actor: Actor,
  ) {}

  private where<T extends OrgOwned>(where: Where<T> | undefined): Where<T> {
    const org = { organizationId: this.organizationId } as FindOptionsWhere<T>;
    if (!where) return org;
    if (Array.isArray(where)) return where.map((w) => ({ ...w, ...org }));
    return { ...where, ...org };
  }

  find<T extends OrgOwned>(entity: EntityTarget<T>, options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.manager.find(entity, { ...options, where: this.where(options.where as Where<T> | undefined) });
  }

  findOneBy<T extends OrgOwned>(entity: EntityTarget<T>, where: Where<T>): Promise<T | null> {
    return this.manager.findOneBy(entity, this.where(where));
  }

  /** Reads a row and locks it until the transaction ends (MySQL); SQLite transactions are serialized anyway. */
  findOneForUpdate<T extends OrgOwned>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<T | null> {
    const lock = isMysql(this.manager.connection) && this.manager.queryRunner?.isTransactionActive;
    return this.manager.findOne(entity, { where: this.where(where), ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  }

  /** Reads rows and locks them until the transaction ends (MySQL), in id order so that concurrent callers lock alike. */
  findForUpdate<T extends OrgOwned>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<T[]> {
    const lock = isMysql(this.manager.connection) && this.manager.queryRunner?.isTransactionActive;
    return this.manager.find(entity, { where: this.where(where), order: { id: "ASC" } as never, ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  }

  count<T extends OrgOwned>(entity: EntityTarget<T>, where?: Where<T>): Promise<number> {
    return this.manager.countBy(entity, this.where(where));
  }

  /** Inserts a new row belonging to this organization and returns it with its generated columns. */
  async create<T extends OrgOwned>(entity: EntityTarget<T>, values: Omit<Partial<T>, "organizationId">): Promise<T> {
    const row = this.manager.create(entity, { ...values, organizationId: this.organizationId } as unknown as T);
    return this.manager.save(entity, row);
  }

  /**
   * Inserts many rows of this organization in multi-row statements, without reading them back (the
   * caller selects what it needs by a natural key): set-based writes for bulk work.
   */
  async insertMany<T extends OrgOwned>(entity: EntityTarget<T>, rows: Omit<Partial<T>, "organizationId">[], perStatement = 500): Promise<void> {
    await insertRows(this.manager, entity, rows.map((r) => ({ ...r, organizationId: this.organizationId }) as unknown as Partial<T>), perStatement);
  }

  /** Saves a row that was read through this scope. */
  save<T extends OrgOwned>(entity: EntityTarget<T>, row: T): Promise<T> {
    if (row.organizationId !== this.organizationId) throw new Error("cross-organization write refused");
    return this.manager.save(entity, row);
  }

  async update<T extends OrgOwned>(entity: EntityTarget<T>, where: FindOptionsWhere<T>, values: Partial<T>): Promise<number> {
    const result = await this.manager.update(entity, this.where(where) as FindOptionsWhere<T>, values as never);
    return result.affected ?? 0;
  }

  /** A query builder already restricted to this organization. */
  qb<T extends OrgOwned>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    return this.manager
      .createQueryBuilder(entity, alias)
      .where(`${alias}.organizationId = :scopeOrgId`, { scopeOrgId: this.organizationId });
  }

  /** Runs `work` in a transaction with a scope bound to it (reuses the current one when nested). */
  transaction<T>(work: (tx: OrgScope) => Promise<T>): Promise<T> {
    if (this.manager.queryRunner?.isTransactionActive) return work(this);
    return runInTransaction(this.dataSource, (manager) => work(new OrgScope(this.dataSource, manager, this.organizationId, this.actor)));
  }
}

/** A scope acting as the system itself (demo data, command-line steps, background jobs). */
export function systemScope(dataSource: DataSource, organizationId: number, label = "system"): OrgScope {
  return new OrgScope(dataSource, dataSource.manager, organizationId, {
    type: "SYSTEM" as ActorType,
    id: null,
    label,
    staffId: null,
    ip: null,
    requestId: null,
  });
}
