import type { DataSource } from "typeorm";
import { LessThan } from "typeorm";
import type { StaffPermission } from "@portal/schema";
import { StaffRole } from "../modules/staff/staff-role.entity";
import { StaffUser } from "../modules/staff/staff-user.entity";
import { Session, type SessionKind } from "./session.entity";
import { hmacSha256, randomToken } from "./tokens";

export const STAFF_COOKIE = "pa_staff";
export const PORTAL_COOKIE = "pa_portal";

/**
 * Database-backed sessions, shared by every API process. The cookie carries a random token; the
 * table keeps only its HMAC (keyed with SESSION_SECRET), so neither a leaked table nor a guessed
 * id opens a session.
 */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secret: string,
    private readonly ttlMs: number,
  ) {}

  private idHash(token: string): string {
    return hmacSha256(this.secret, token);
  }

  /** `secondFactor`: what was proven after the password (TOTP, RECOVERY_CODE, EMAIL), recorded on the session. */
  async create(kind: SessionKind, principalId: number, organizationId: number, ip: string | null, secondFactor: string | null = null): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.dataSource.getRepository(Session).insert({ idHash: this.idHash(token), kind, principalId, organizationId, expiresAt, ip, secondFactor });
    return { token, expiresAt };
  }

  async find(kind: SessionKind, token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 100) return null;
    const session = await this.dataSource.getRepository(Session).findOneBy({ idHash: this.idHash(token), kind });
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    return session;
  }

  /**
   * The staff user of a live staff session and the permissions of their role, in one statement:
   * it runs on every staff request.
   */
  async findStaff(token: string | undefined): Promise<{ user: StaffUser; permissions: StaffPermission[] } | null> {
    if (!token || token.length > 100) return null;
    const expiresAt = this.dataSource.getMetadata(Session).findColumnWithPropertyName("expiresAt")!;
    const { entities, raw } = await this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder("u")
      .innerJoin(Session, "s", "s.principalId = u.id AND s.kind = :kind AND s.idHash = :idHash AND s.expiresAt > :now", {
        kind: "STAFF",
        idHash: this.idHash(token),
        // The driver's own form of a timestamp (a Date for MySQL, UTC text for SQLite).
        now: this.dataSource.driver.preparePersistentValue(new Date(), expiresAt),
      })
      .leftJoin(StaffRole, "r", "r.id = u.staffRoleId AND r.organizationId = u.organizationId")
      .addSelect("r.permissions", "rolePermissions")
      .getRawAndEntities<{ rolePermissions: string | null }>();
    const user = entities[0];
    if (!user) return null;
    const permissions = raw[0]?.rolePermissions;
    return { user, permissions: permissions ? (JSON.parse(permissions) as StaffPermission[]) : [] };
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.dataSource.getRepository(Session).delete({ idHash: this.idHash(token) });
  }

  /** Ends every session of one principal at once (revocation, disabling, password change). */
  async destroyAllFor(kind: SessionKind, principalId: number, manager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(Session).delete({ kind, principalId });
  }

  async purgeExpired(): Promise<number> {
    const result = await this.dataSource.getRepository(Session).delete({ expiresAt: LessThan(new Date()) });
    return result.affected ?? 0;
  }

  get maxAgeMs(): number {
    return this.ttlMs;
  }
}
