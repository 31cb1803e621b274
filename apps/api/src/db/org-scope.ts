import type { DataSource, EntityManager, EntityTarget, FindManyOptions, FindOptionsWhere, ObjectLiteral, QueryRunner, SelectQueryBuilder } from "typeorm";
import { ActorType } from "@portal/schema";
import { forUpdate } from "./dialect";
import { insertRows } from "./insert-rows";
import { Organization } from "../modules/organizations/organization.entity";
import { isRetryableTransactionError } from "./dialect";
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

/** The actor of work the system does by itself: background jobs, sweeps, command-line steps, demo data. */
export function systemActor(label = "system"): Actor {
  return { type: ActorType.SYSTEM, id: null, label, staffId: null, ip: null, requestId: null };
}

/** A where clause must say which rows: an empty one would reach every row of the table (or organization). */
function requireConditions<T>(where: Where<T>, what: string): void {
  const clauses = Array.isArray(where) ? where : [where];
  if (clauses.length === 0 || clauses.some((w) => Object.keys(w).length === 0)) throw new Error(`${what}: refusing an empty where clause`);
}

/** Savepoints open on each connection, innermost last: nesting is checked, not assumed. */
const openSavepoints = new WeakMap<QueryRunner, string[]>();
let savepointCounter = 0;

/**
 * Runs `work` inside a savepoint of the transaction `manager` is bound to: when it throws, its
 * writes are undone and the error goes on to the caller, while the writes made before it in the
 * transaction stay. Works alike on MySQL/MariaDB and SQLite (both speak SAVEPOINT / RELEASE /
 * ROLLBACK TO), at any depth. Without a transaction there is nothing to nest in: the caller starts one.
 *
 * A deadlock victim (MySQL) has lost its whole transaction, savepoints included: that error is
 * passed on untouched, without a ROLLBACK TO that would fail and hide it, so runInTransaction can
 * redo the transaction as a whole.
 */
async function inSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error("savepoint: no transaction is active");
  const stack = openSavepoints.get(runner) ?? [];
  openSavepoints.set(runner, stack);
  // Names are unique per process, never reused within a transaction, and distinct from TypeORM's own typeorm_N.
  const name = `portal_sp_${++savepointCounter}`;
  await runner.query(`SAVEPOINT ${name}`);
  stack.push(name);
  const close = (): void => {
    // Two savepoints run concurrently on one connection would interleave their statements: refuse.
    if (stack[stack.length - 1] !== name) throw new Error(`savepoint ${name} closed out of order (concurrent savepoints on one transaction)`);
    stack.pop();
  };
  let result: T;
  try {
    result = await work();
  } catch (err) {
    close();
    if (!isRetryableTransactionError(err) && runner.isTransactionActive) {
      try {
        await runner.query(`ROLLBACK TO SAVEPOINT ${name}`);
        // ROLLBACK TO keeps the savepoint itself (both databases): release it so the stack stays flat.
        await runner.query(`RELEASE SAVEPOINT ${name}`);
      } catch {
        // The database already ended the transaction (e.g. SQLite on a full disk): the original
        // error says why, and the transaction's owner rolls back.
      }
    }
    throw err;
  }
  close();
  await runner.query(`RELEASE SAVEPOINT ${name}`);
  return result;
}

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

  /** A scope for `actor` acting in `organizationId`, outside any transaction (start one with `transaction`). */
  static open(dataSource: DataSource, organizationId: number, actor: Actor): OrgScope {
    return new OrgScope(dataSource, dataSource.manager, organizationId, actor);
  }

  /** The same organization and transaction, with another actor (e.g. a new member acting for themselves once their invite is accepted). */
  as(actor: Actor): OrgScope {
    return new OrgScope(this.dataSource, this.manager, this.organizationId, actor);
  }

  /** True while this scope is bound to an open transaction. */
  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive ?? false;
  }

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
    return this.manager.findOne(entity, { where: this.where(where), ...forUpdate(this.manager) });
  }

  /** Reads rows and locks them until the transaction ends (MySQL), in id order so that concurrent callers lock alike. */
  findForUpdate<T extends OrgOwned>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<T[]> {
    return this.manager.find(entity, { where: this.where(where), order: { id: "ASC" } as never, ...forUpdate(this.manager) });
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

  /** A new, unsaved row of this organization (to fill in, then `save`). */
  build<T extends OrgOwned>(entity: EntityTarget<T>, values: Omit<Partial<T>, "organizationId">): T {
    return this.manager.create(entity, { ...values, organizationId: this.organizationId } as unknown as T);
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

  /**
   * Deletes this organization's rows matching `where` and returns how many went. The where clause
   * must name the rows (an empty one is refused rather than emptying the organization's table).
   */
  async delete<T extends OrgOwned>(entity: EntityTarget<T>, where: Where<T>): Promise<number> {
    requireConditions(where, "OrgScope.delete");
    const result = await this.manager.delete(entity, this.where(where) as FindOptionsWhere<T>);
    return result.affected ?? 0;
  }

  /**
   * The scope's own organization row (settings read by many services). `lock` holds it until the
   * transaction ends (MySQL), for read-modify-write of its settings.
   */
  async organization(options: { lock?: boolean } = {}): Promise<Organization> {
    const org = await this.manager.findOne(Organization, { where: { id: this.organizationId }, ...(options.lock ? forUpdate(this.manager) : {}) });
    if (!org) throw new Error(`organization ${this.organizationId} not found`);
    return org;
  }

  /** Updates the scope's own organization row (only columns named in `values`); `where` narrows it further (a conditional update). */
  async updateOrganization(values: Partial<Omit<Organization, "id">>, where: FindOptionsWhere<Organization> = {}): Promise<number> {
    const result = await this.manager.update(Organization, { ...where, id: this.organizationId }, values as never);
    return result.affected ?? 0;
  }

  /** Saves the scope's own organization row, read with `organization()`. */
  saveOrganization(org: Organization): Promise<Organization> {
    if (org.id !== this.organizationId) throw new Error("cross-organization write refused");
    return this.manager.save(Organization, org);
  }

  /**
   * Raw SQL for the few query modules that need it (grid pages, counters). The statement must
   * restrict itself to `this.organizationId` (pass it as a parameter): nothing here adds it.
   */
  query<R = unknown>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.manager.query(sql, params) as Promise<R[]>;
  }

  /** `value` as the driver stores it in `entity.property` (dates, booleans, JSON), for parameters of raw SQL. */
  toDatabaseValue<T extends ObjectLiteral>(entity: EntityTarget<T>, property: keyof T & string, value: unknown): unknown {
    const column = this.manager.connection.getMetadata(entity).findColumnWithPropertyName(property);
    if (!column) throw new Error(`toDatabaseValue: no column ${property}`);
    return this.manager.connection.driver.preparePersistentValue(value, column) as unknown;
  }

  /** A query builder already restricted to this organization. */
  qb<T extends OrgOwned>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    return this.manager
      .createQueryBuilder(entity, alias)
      .where(`${alias}.organizationId = :scopeOrgId`, { scopeOrgId: this.organizationId });
  }

  /** Runs `work` in a transaction with a scope bound to it (reuses the current one when nested). */
  transaction<T>(work: (tx: OrgScope) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return runInTransaction(this.dataSource, (manager) => work(new OrgScope(this.dataSource, manager, this.organizationId, this.actor)));
  }

  /**
   * Runs `work` so that, if it throws, only its own writes are undone: in a savepoint of the current
   * transaction, or in a transaction of its own when there is none. Nests to any depth on both
   * databases; the error always reaches the caller (who decides what a failed part means).
   */
  savepoint<T>(work: (sp: OrgScope) => Promise<T>): Promise<T> {
    if (!this.inTransaction) return this.transaction(work);
    return inSavepoint(this.manager, () => work(this));
  }
}

/** Says that a system scope acts across organizations: every call on it names that explicitly. */
export const ACROSS_ORGANIZATIONS = "across-organizations" as const;

/**
 * The system acting across organizations: a job claimer, a sweep, a lookup by a secret token that
 * itself tells the organization. Its methods say so in their names (`…AcrossOrganizations`), so a
 * reader sees every place where tenancy is deliberately not applied; as soon as the organization is
 * known, `forOrganization` gives an ordinary OrgScope on the same transaction.
 */
export class SystemScope {
  constructor(
    readonly dataSource: DataSource,
    readonly manager: EntityManager,
    readonly actor: Actor,
  ) {}

  /** The system acting for one organization, on the same connection/transaction: tenancy applies again. */
  forOrganization(organizationId: number): OrgScope {
    return new OrgScope(this.dataSource, this.manager, organizationId, this.actor);
  }

  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive ?? false;
  }

  findAcrossOrganizations<T extends ObjectLiteral>(entity: EntityTarget<T>, options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.manager.find(entity, options);
  }

  async findOneAcrossOrganizations<T extends ObjectLiteral>(entity: EntityTarget<T>, where: Where<T>): Promise<T | null> {
    requireConditions(where, "SystemScope.findOneAcrossOrganizations");
    return this.manager.findOneBy(entity, where);
  }

  countAcrossOrganizations<T extends ObjectLiteral>(entity: EntityTarget<T>, where?: Where<T>): Promise<number> {
    return this.manager.countBy(entity, where ?? {});
  }

  async updateAcrossOrganizations<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>, values: Partial<T>): Promise<number> {
    requireConditions(where, "SystemScope.updateAcrossOrganizations");
    const result = await this.manager.update(entity, where, values as never);
    return result.affected ?? 0;
  }

  async deleteAcrossOrganizations<T extends ObjectLiteral>(entity: EntityTarget<T>, where: Where<T>): Promise<number> {
    requireConditions(where, "SystemScope.deleteAcrossOrganizations");
    const result = await this.manager.delete(entity, where as FindOptionsWhere<T>);
    return result.affected ?? 0;
  }

  /** A query builder over every organization's rows. */
  qbAcrossOrganizations<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    return this.manager.createQueryBuilder(entity, alias);
  }

  transaction<T>(work: (tx: SystemScope) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return runInTransaction(this.dataSource, (manager) => work(new SystemScope(this.dataSource, manager, this.actor)));
  }

  /** As OrgScope.savepoint. */
  savepoint<T>(work: (sp: SystemScope) => Promise<T>): Promise<T> {
    if (!this.inTransaction) return this.transaction(work);
    return inSavepoint(this.manager, () => work(this));
  }
}

/**
 * A scope for the system itself (demo data, command-line steps, background jobs, sweeps), explicit
 * about its reach: `systemScope(ds, organizationId)` acts for that one organization (an OrgScope,
 * tenancy applies); `systemScope(ds, ACROSS_ORGANIZATIONS)` acts across organizations (a SystemScope,
 * whose every cross-organization call says so).
 */
export function systemScope(dataSource: DataSource, organizationId: number, label?: string): OrgScope;
export function systemScope(dataSource: DataSource, reach: typeof ACROSS_ORGANIZATIONS, label?: string): SystemScope;
export function systemScope(dataSource: DataSource, reach: number | typeof ACROSS_ORGANIZATIONS, label = "system"): OrgScope | SystemScope {
  if (reach === ACROSS_ORGANIZATIONS) return new SystemScope(dataSource, dataSource.manager, systemActor(label));
  if (!Number.isInteger(reach) || reach <= 0) throw new Error(`systemScope: not an organization id: ${String(reach)}`);
  return new OrgScope(dataSource, dataSource.manager, reach, systemActor(label));
}
