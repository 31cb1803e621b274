import type { DataSource, EntityManager } from "typeorm";
import { LessThan } from "typeorm";
import { OrgScope } from "../db/org-scope";
import type { StaffPermission } from "@portal/schema";
import { StaffRole } from "../modules/staff/staff-role.entity";
import { StaffUser } from "../modules/staff/staff-user.entity";
import { Session, type SessionKind } from "./session.entity";
import { hmacSha256, randomToken } from "./tokens";

export const STAFF_COOKIE = "pa_staff";
export const PORTAL_COOKIE = "pa_portal";

// A session's last activity is written at most this often, so most requests cost no write.
const TOUCH_EVERY_MS = 60_000;

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
    /** Idle timeout per kind of session (SPEC rule 18: staff 30 minutes, portal 15 by default); none when absent. */
    private readonly idleMs: Partial<Record<SessionKind, number>> = {},
  ) {}

  /** The time before which a session of this kind counts as idle, or null when it never idles out. */
  private idleCutoff(kind: SessionKind, now: number): Date | null {
    const idle = this.idleMs[kind];
    return idle ? new Date(now - idle) : null;
  }

  /** Records activity on a session whose last record is older than TOUCH_EVERY_MS. */
  private async touch(idHash: string, lastSeenAt: Date | null, now: number): Promise<void> {
    if (lastSeenAt && now - lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
    await this.dataSource.getRepository(Session).update({ idHash }, { lastSeenAt: new Date(now) });
  }

  private idHash(token: string): string {
    return hmacSha256(this.secret, token);
  }

  /** `secondFactor`: what was proven after the password (TOTP, RECOVERY_CODE, EMAIL), recorded on the session. */
  async create(kind: SessionKind, principalId: number, organizationId: number, ip: string | null, secondFactor: string | null = null): Promise<{ token: string; expiresAt: Date }> {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.dataSource.getRepository(Session).insert({ idHash: this.idHash(token), kind, principalId, organizationId, expiresAt, ip, secondFactor, lastSeenAt: new Date() });
    return { token, expiresAt };
  }

  async find(kind: SessionKind, token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 100) return null;
    const session = await this.dataSource.getRepository(Session).findOneBy({ idHash: this.idHash(token), kind });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    const cutoff = this.idleCutoff(kind, now);
    if (cutoff && (session.lastSeenAt ?? session.createdAt).getTime() <= cutoff.getTime()) return null;
    await this.touch(session.idHash, session.lastSeenAt, now);
    return session;
  }

  /**
   * The staff user of a live staff session and the permissions of their role, in one statement:
   * it runs on every staff request.
   */
  async findStaff(token: string | undefined): Promise<{ user: StaffUser; permissions: StaffPermission[] } | null> {
    if (!token || token.length > 100) return null;
    const expiresAt = this.dataSource.getMetadata(Session).findColumnWithPropertyName("expiresAt")!;
    const lastSeenAt = this.dataSource.getMetadata(Session).findColumnWithPropertyName("lastSeenAt")!;
    const now = Date.now();
    const cutoff = this.idleCutoff("STAFF", now);
    const idHash = this.idHash(token);
    const { entities, raw } = await this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder("u")
      .innerJoin(Session, "s", `s.principalId = u.id AND s.kind = :kind AND s.idHash = :idHash AND s.expiresAt > :now${cutoff ? " AND COALESCE(s.lastSeenAt, s.createdAt) > :idleCutoff" : ""}`, {
        kind: "STAFF",
        idHash,
        // The driver's own form of a timestamp (a Date for MySQL, UTC text for SQLite).
        now: this.dataSource.driver.preparePersistentValue(new Date(now), expiresAt),
        idleCutoff: cutoff && this.dataSource.driver.preparePersistentValue(cutoff, lastSeenAt),
      })
      .leftJoin(StaffRole, "r", "r.id = u.staffRoleId AND r.organizationId = u.organizationId")
      .addSelect("r.permissions", "rolePermissions")
      .addSelect("s.lastSeenAt", "sessionLastSeenAt")
      .getRawAndEntities<{ rolePermissions: string | null; sessionLastSeenAt: unknown }>();
    const user = entities[0];
    if (!user) return null;
    const seen = raw[0]?.sessionLastSeenAt;
    await this.touch(idHash, seen === null || seen === undefined ? null : (this.dataSource.driver.prepareHydratedValue(seen, lastSeenAt) as Date), now);
    const permissions = raw[0]?.rolePermissions;
    return { user, permissions: permissions ? (JSON.parse(permissions) as StaffPermission[]) : [] };
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.dataSource.getRepository(Session).delete({ idHash: this.idHash(token) });
  }

  /** Ends every session of one principal at once (revocation, disabling, password change). */
  /**
   * Ends every session of a principal, in the caller's transaction when given one: through its
   * OrgScope (services), or an EntityManager (code that has no scope yet).
   */
  async destroyAllFor(kind: SessionKind, principalId: number, within: OrgScope | EntityManager = this.dataSource.manager): Promise<void> {
    if (within instanceof OrgScope) await within.delete(Session, { kind, principalId });
    else await within.getRepository(Session).delete({ kind, principalId });
  }

  async purgeExpired(): Promise<number> {
    const result = await this.dataSource.getRepository(Session).delete({ expiresAt: LessThan(new Date()) });
    return result.affected ?? 0;
  }

  get maxAgeMs(): number {
    return this.ttlMs;
  }
}
