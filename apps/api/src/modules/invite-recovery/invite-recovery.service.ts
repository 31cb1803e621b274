import { In } from "typeorm";
import type { DataSource } from "typeorm";
import { isIsoDate, isValidEmail, type Language, normalizeEmail, UserErrorCode } from "@portal/schema";
import type { RateLimits } from "../../auth/rate-limits";
import { sha256 } from "../../auth/tokens";
import { ACROSS_ORGANIZATIONS, systemScope } from "../../db/org-scope";
import { fail, UserFacingError } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import type { InviteService } from "../invites/invite.service";
import { PortalToken } from "../invites/portal-token.entity";
import { findTokenByRaw } from "../invites/portal-tokens";
import { Patient } from "../patients/patient.entity";
import type { PortalAuthService, RequestMeta } from "../portal-auth/portal-auth.service";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";

/** Every answer takes at least this long, whether an account was found, matched and emailed or not. */
export const RECOVERY_MIN_MS = 400;

export interface RecoveryRequest {
  /** The expired, locked or replaced invite link's token… */
  token?: string | null;
  /** …or the email typed on "forgot password" (an account that never signed up). */
  email?: string | null;
  organizationId?: number | null;
  dateOfBirth: string;
  language?: Language | null;
}

/**
 * Self-recovery of an invite (SPEC rule 22). A patient whose invite expired or locked, or who asks
 * "forgot password" before ever signing up, gives the date of birth on file and gets a fresh invite
 * at the login email on file (never an address typed here). The answer is the same, and takes the
 * same time, whether the link or email names an account and whether the date matches: the per-
 * address limit and the per-account date-of-birth lock (5 wrong dates, then doubling waits) are both
 * spent before the date is compared, and only a match lifts the lock.
 */
export class InviteRecoveryService {
  /** Tests lower it; production keeps the floor that hides which path a request took. */
  minMs = RECOVERY_MIN_MS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: RateLimits,
    private readonly portalAuth: PortalAuthService,
    private readonly invites: InviteService,
  ) {}

  async request(input: RecoveryRequest, meta: RequestMeta): Promise<void> {
    const started = Date.now();
    const token = input.token?.trim() || null;
    const email = input.email?.trim() || null;
    // Shape errors say nothing about anyone: they are answered before anything is looked up.
    if (Boolean(token) === Boolean(email)) fail(UserErrorCode.INVALID_INPUT, "Give the invite link or the email address.", token ? "email" : "token");
    if (email && !isValidEmail(email)) fail(UserErrorCode.INVALID_EMAIL, "This is not a valid email address.", "email");
    if (!isIsoDate(input.dateOfBirth)) fail(UserErrorCode.INVALID_INPUT, "Enter the date of birth as YYYY-MM-DD.", "dateOfBirth");
    await this.portalAuth.limit("passwordReset", meta);
    try {
      const accounts = await this.candidates(token, email, input.organizationId ?? null);
      // An unknown link or email spends a lock of its own, so a lock says nothing about who exists.
      if (accounts.length === 0) await this.limits.attempt("inviteRecovery", `none:${sha256(token ?? normalizeEmail(email!))}`);
      for (const account of accounts) await this.recover(account, input, meta);
    } finally {
      const left = this.minMs - (Date.now() - started);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    }
  }

  /** Accounts that never signed in named by the link or the email (one per organization at most). */
  private async candidates(token: string | null, email: string | null, organizationId: number | null): Promise<PortalAccount[]> {
    // Who asks is known only by what they hold: a link's token or an email, which tell the organization.
    const system = systemScope(this.dataSource, ACROSS_ORGANIZATIONS, "invite recovery");
    let accounts: PortalAccount[];
    if (token) {
      const row = await findTokenByRaw(system, token.slice(0, 200));
      if (!row || row.kind !== "INVITE" || row.usedAt) return [];
      accounts = await system.forOrganization(row.organizationId).find(PortalAccount, { where: { id: row.accountId } });
    } else {
      accounts = await system.findAcrossOrganizations(PortalAccount, {
        where: { emailNormalized: normalizeEmail(email!), ...(organizationId ? { organizationId } : {}) },
        order: { id: "ASC" },
        take: 10,
      });
    }
    return accounts.filter((a) => !a.signedUpAt && !a.lastSignInAt && !a.disabled);
  }

  private async recover(account: PortalAccount, input: RecoveryRequest, meta: RequestMeta): Promise<void> {
    const lock = await this.limits.attempt("inviteRecovery", `account:${account.id}`);
    const scope = this.portalAuth.scopeFor(account.organizationId, null, meta);
    // The invite's patient: whose date of birth its link asks for (the patient's own, or the one a proxy will see).
    const [latest] = await scope.find(PortalToken, { where: { accountId: account.id, kind: "INVITE", method: In(["LINK", "TEMPORARY_PASSWORD"]) }, order: { id: "DESC" }, take: 1 });
    const patient = latest?.patientId ? await scope.findOneBy(Patient, { id: latest.patientId }) : null;
    const grant = patient ? await scope.findOneBy(PortalGrant, { accountId: account.id, patientId: patient.id, ...PortalGrant.USABLE }) : null;
    if (!lock.allowed) {
      await audit(scope, { action: "portal_invite.recovery_requested", targetType: "PortalAccount", targetId: account.id, patientId: patient?.id ?? null, after: { outcome: "locked", lockedUntil: lock.lockedUntil.toISOString() } });
      return;
    }
    const matched = Boolean(patient?.dateOfBirth && patient.dateOfBirth === input.dateOfBirth);
    let outcome = matched ? "sent" : "date_of_birth_mismatch";
    if (matched) {
      await this.limits.unlock("inviteRecovery", `account:${account.id}`);
      if (!grant) outcome = "no_access";
      else {
        try {
          // The invite's own rules decide (cooldown, inactive patient…); its email goes to the login on file.
          await this.invites.sendInvite(scope, { grantId: grant.id }, { dedupeKey: null });
        } catch (err) {
          if (!(err instanceof UserFacingError)) throw err;
          outcome = `not_sent:${err.code}`;
        }
      }
    }
    await audit(scope, {
      action: "portal_invite.recovery_requested",
      targetType: "PortalAccount",
      targetId: account.id,
      patientId: patient?.id ?? null,
      after: { outcome, by: input.token ? "invite_link" : "email", failures: matched ? 0 : lock.failures },
    });
  }
}
