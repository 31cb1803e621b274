import QRCode from "qrcode";
import { In, IsNull } from "typeorm";
import type { DataSource } from "typeorm";
import { AccessType, isIsoDate, UserErrorCode, WebhookEventType } from "@portal/schema";
import { hashPassword } from "../../auth/passwords";
import { ACROSS_ORGANIZATIONS, systemScope, type OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { hasSignedIn } from "../invites/invite.service";
import { PortalToken } from "../invites/portal-token.entity";
import { invitePath, issueToken, voidPendingTokens } from "../invites/portal-tokens";
import { Patient } from "../patients/patient.entity";
import type { PortalAuthService, RequestMeta } from "../portal-auth/portal-auth.service";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { patientsFollowingAccount, refreshPortalStatus } from "../portal-access/portal-status";
import { emitWebhookEventIn } from "../webhooks/webhook-emit";
import { formatActivationCode, generateActivationCode, hashActivationCode, normalizeActivationCode } from "./activation-code";

/** The portal page where a code is typed (apps/portal/src/App.tsx; email-links.int.test.ts checks the routes). */
export const activatePath = "/portal/activate";

export interface ActivationSheet {
  code: string;
  inviteUrl: string;
  activateUrl: string;
  qrCodeSvg: string;
  expiresAt: Date;
  patientName: string;
  loginEmail: string;
  organizationName: string;
  accessType: AccessType;
}

const INVALID = "This activation code is not valid (it may have been replaced by a newer invite or used already). Check it, or ask your clinic for a new one.";

/**
 * Front-desk activation (SPEC rule 23, seed 004): staff hand over an invite in person, as a sheet
 * with a QR code of a fresh invite link and an 8-character code. Both are invites of the same
 * account with the same lifetime; the code is typed at /portal/activate with the date of birth on
 * file, and the date-of-birth attempts of the sheet are counted once, on its link, so the code and
 * the QR code together allow five wrong dates, not ten.
 */
export class ActivationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portalAuth: PortalAuthService,
    private readonly config: { publicUrl: string; secret: string },
  ) {}

  /**
   * Issues a sheet for a grant (or a patient's own grant): the earlier invite links and codes of the
   * account stop working, as with any new invite. No resend cooldown: nothing is mailed, and staff
   * hand it over themselves. The raw link and code exist only in this answer.
   */
  async issueSheet(scope: OrgScope, target: { grantId: number } | { patientId: number }): Promise<ActivationSheet> {
    const field = "grantId" in target ? "grantId" : "patientId";
    const sheet = await scope.transaction(async (tx) => {
      const grant =
        "grantId" in target
          ? await tx.findOneBy(PortalGrant, { id: target.grantId, ...PortalGrant.USABLE })
          : await tx.findOneBy(PortalGrant, { patientId: target.patientId, accessType: AccessType.SELF, ...PortalGrant.USABLE });
      if (!grant) {
        if ("patientId" in target && !(await tx.findOneBy(Patient, { id: target.patientId }))) fail(UserErrorCode.NOT_FOUND, "Patient not found.", field);
        fail("grantId" in target ? UserErrorCode.NOT_FOUND : UserErrorCode.NO_ACCESS, "grantId" in target ? "Portal access not found (it may have been removed)." : "Enable portal access for this patient first.", field);
      }
      const patient = (await tx.findOneBy(Patient, { id: grant!.patientId }))!;
      if (patient.active === false) fail(UserErrorCode.PATIENT_INACTIVE, "This patient's record is inactive.", field);
      if (!patient.dateOfBirth) fail(UserErrorCode.MISSING_DATE_OF_BIRTH, "The patient's date of birth must be on file: the portal asks for it with the code.", field);
      const account = (await tx.findOneForUpdate(PortalAccount, { id: grant!.accountId }))!;
      if (account.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled; enable it first.", field);
      if (hasSignedIn(account)) fail(UserErrorCode.ALREADY_ACTIVE, "This account has already signed in; an activation code is no longer needed (use a password reset).", field);
      const org = await tx.organization();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + org.inviteLinkTtlHours * 3600_000);
      await voidPendingTokens(tx, account.id, "INVITE");
      const code = await this.insertCode(tx, account.id, patient.id, expiresAt);
      // The link comes last: the latest INVITE row of the account is what staff see as its invite.
      const { token } = await issueToken(tx, { accountId: account.id, patientId: patient.id, kind: "INVITE", method: "LINK", expiresAt });
      const resent = account.lastInviteSentAt !== null;
      await tx.update(PortalAccount, { id: account.id }, { lastInviteSentAt: now, passwordHash: null, version: () => "version + 1" } as never);
      const following = await patientsFollowingAccount(tx, account.id);
      await refreshPortalStatus(tx, following);
      if (following.length) await tx.update(Patient, { id: In(following) }, { inviteUsableUntil: expiresAt, inviteLockedAt: null });
      // Never the code or the link: the audit says a sheet was handed over, and until when it works.
      await audit(tx, {
        action: "portal_activation_code.issued",
        targetType: "PortalAccount",
        targetId: account.id,
        patientId: patient.id,
        after: { grantId: grant!.id, accessType: grant!.accessType, loginEmail: account.email, expiresAt: expiresAt.toISOString(), resent },
      });
      await emitWebhookEventIn(tx, WebhookEventType.PORTAL_INVITE_SENT, {
        patientId: String(patient.id),
        grantId: String(grant!.id),
        accountId: String(account.id),
        accessType: grant!.accessType,
        method: "ACTIVATION_CODE",
        resent,
        expiresAt: expiresAt.toISOString(),
      });
      return {
        code: formatActivationCode(code),
        inviteUrl: `${this.config.publicUrl}${invitePath(token)}`,
        activateUrl: `${this.config.publicUrl}${activatePath}`,
        expiresAt,
        patientName: `${patient.firstName} ${patient.lastName}`,
        loginEmail: account.email,
        organizationName: org.name,
        accessType: grant!.accessType,
      };
    });
    const qrCodeSvg = await QRCode.toString(sheet.inviteUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { ...sheet, qrCodeSvg };
  }

  /** A code row; a collision with a live code (1 in 2^40 per pair) draws again, in a savepoint. */
  private async insertCode(tx: OrgScope, accountId: number, patientId: number, expiresAt: Date): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code = generateActivationCode();
      try {
        await tx.savepoint((sp) =>
          sp.create(PortalToken, {
            accountId,
            patientId,
            kind: "INVITE",
            method: "CODE",
            tokenHash: hashActivationCode(this.config.secret, code),
            expiresAt,
            createdByStaffId: tx.actor.staffId,
          }),
        );
        return code;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }

  /** A code row that can still be used, or the reason it cannot (the same answers as a link's). */
  private requireLiveCode(token: PortalToken | null): PortalToken {
    if (!token || token.kind !== "INVITE" || token.method !== "CODE" || token.usedAt || token.voidedAt) fail(UserErrorCode.INVITE_INVALID, INVALID, "code");
    if (token!.lockedAt) fail(UserErrorCode.INVITE_LOCKED, "This code is locked after too many wrong dates of birth. Ask your clinic for a new one.", "code");
    if (token!.expiresAt.getTime() <= Date.now()) fail(UserErrorCode.INVITE_EXPIRED, "This activation code has expired. Ask your clinic for a new one.", "code");
    return token!;
  }

  /**
   * activatePortalAccount: code + date of birth + new password → the account is set up and signed
   * in, exactly as accepting the invite link. The per-address token limit is spent before the code
   * is looked up, and given back only when everything matched.
   */
  async activate(input: { code: string; dateOfBirth: string; password: string }, meta: RequestMeta): Promise<{ account: PortalAccount }> {
    await this.portalAuth.limit("token", meta);
    const code = normalizeActivationCode(input.code.slice(0, 40));
    if (!code) fail(UserErrorCode.INVITE_INVALID, INVALID, "code");
    // The code itself tells the organization, as a link's token does.
    const lookup = systemScope(this.dataSource, ACROSS_ORGANIZATIONS, "activation code lookup");
    const found = this.requireLiveCode(await lookup.findOneAcrossOrganizations(PortalToken, { tokenHash: hashActivationCode(this.config.secret, code!) }));
    if (!isIsoDate(input.dateOfBirth)) fail(UserErrorCode.INVALID_INPUT, "Enter the date of birth as YYYY-MM-DD.", "dateOfBirth");
    this.portalAuth.requirePassword(input.password, "password");
    const passwordHash = await hashPassword(input.password);
    const scope = this.portalAuth.scopeFor(found.organizationId, null, meta);
    const done = await this.portalAuth.committing(scope, async (tx) => {
      const token = this.requireLiveCode(await tx.findOneForUpdate(PortalToken, { id: found.id }));
      const account = (await tx.findOneForUpdate(PortalAccount, { id: token.accountId }))!;
      if (account.disabled) fail(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled. Contact your clinic.", "code");
      if (account.signedUpAt) fail(UserErrorCode.INVITE_INVALID, "This account is already set up: sign in instead.", "code");
      const grant = await tx.findOneBy(PortalGrant, { accountId: account.id, patientId: token.patientId ?? 0, ...PortalGrant.USABLE });
      if (!grant) fail(UserErrorCode.INVITE_INVALID, "This code is no longer valid: the access it was for has been removed.", "code");
      // The sheet's link counts the wrong dates of birth for both (see the class comment).
      const [link] = await tx.find(PortalToken, {
        where: { accountId: account.id, kind: "INVITE", method: "LINK", usedAt: IsNull(), voidedAt: IsNull() },
        order: { id: "DESC" },
        take: 1,
      });
      const counter = link ?? token;
      if (counter.lockedAt) fail(UserErrorCode.INVITE_LOCKED, "This code is locked after too many wrong dates of birth. Ask your clinic for a new one.", "code");
      await this.portalAuth.checkDateOfBirth(tx, counter, input.dateOfBirth);
      const actor = this.portalAuth.scopeFor(tx.organizationId, account, meta).actor;
      await this.portalAuth.completeSignUp(tx.as(actor), account, token, passwordHash);
      return { account };
    });
    await this.portalAuth.refundLimit("token", meta);
    return done;
  }
}
