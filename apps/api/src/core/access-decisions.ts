import { AccessType, emailProblemMessage, normalizeEmail, resendAvailableAt, UserErrorCode } from "@portal/schema";
import { UserFacingError } from "../graphql/user-error";

/**
 * The rules of one access change, as pure functions: no database, no clock but the `now` passed in.
 * Each takes the facts of one row (read beforehand for the whole change, see access-facts.ts) and
 * returns what to do or the UserFacingError the staff member sees. The single mutations, the bulk
 * jobs and the `inviteAction` field all ask these, so every rule is written once.
 *
 * Later rules (minors' ages, proxy end dates, reminders) slot in as one more pure check here, on
 * facts their own reader adds.
 */

const refuse = (code: UserErrorCode, message: string, field?: string) => new UserFacingError(code, message, field);

/** What the rules need to know of an account. */
export interface AccountFacts {
  id: number;
  email: string;
  disabled: boolean;
  signedUpAt: Date | null;
  lastSignInAt: Date | null;
  lastInviteSentAt: Date | null;
}

/** What the rules need to know of a patient. */
export interface PatientFacts {
  id: number;
  active: boolean;
  email: string | null;
  dateOfBirth: string | null;
}

/** What the rules need to know of a portal role. */
export interface RoleFacts {
  id: number;
  name: string;
  accessTypes: AccessType[];
}

/** A COOLDOWN refusal says from when another invite can go out (the screens show it). */
export class CooldownRefusal extends UserFacingError {
  constructor(
    message: string,
    field: string,
    readonly availableAt: Date,
  ) {
    super(UserErrorCode.COOLDOWN, message, field);
  }
}

/** True once the account has signed up or signed in: invites no longer apply (rule 7). */
export function hasSignedIn(account: Pick<AccountFacts, "signedUpAt" | "lastSignInAt">): boolean {
  return account.signedUpAt !== null || account.lastSignInAt !== null;
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * Rule 5: the role must be one of the organization's portal roles applicable to the access type.
 * `role` is the role found for `roleId` (null: not found); with no role chosen, a SELF grant takes
 * the organization's default role.
 */
export function decideRole(role: RoleFacts | null, chosen: boolean, accessType: AccessType): RoleFacts | UserFacingError {
  if (!chosen && !role) return refuse(UserErrorCode.INVALID_INPUT, "Choose a portal role.", "portalRoleId");
  if (!role) return refuse(UserErrorCode.NOT_FOUND, "Portal role not found.", "portalRoleId");
  if (!role.accessTypes.includes(accessType)) {
    return refuse(UserErrorCode.ROLE_NOT_APPLICABLE, `The role "${role.name}" does not apply to ${accessType === AccessType.SELF ? "patients" : "contacts"}.`, "portalRoleId");
  }
  return role;
}

/**
 * Rule 1: the email comes from the record unless staff typed another one; a person who already
 * has an account keeps its login email, which cannot be changed here.
 */
export function chooseEmail(existing: Pick<AccountFacts, "email"> | null, typed: string | null | undefined, onFile: string | null): string | UserFacingError {
  if (existing) {
    if (typed && normalizeEmail(typed) !== normalizeEmail(existing.email)) {
      return refuse(UserErrorCode.EMAIL_LOCKED_TO_ACCOUNT, `This person already has a portal account; its login email ${existing.email} is used.`, "email");
    }
    return existing.email;
  }
  const email = (typed ?? onFile ?? "").trim();
  if (!email) return refuse(UserErrorCode.MISSING_EMAIL, "An email address is needed to grant portal access.", "email");
  // Also refuses a record's email written before the equivalence rule (x@dom., "x"@dom, soft hyphens).
  const problem = emailProblemMessage(email);
  if (problem) return refuse(UserErrorCode.INVALID_EMAIL, problem, "email");
  return email;
}

/** The facts of one patient to enable (rules 1, 2, 18). */
export interface EnableRowFacts {
  patient: PatientFacts | null;
  /** An active SELF grant that is not suspended: the patient has access already. */
  hasAccess: boolean;
  /** The SELF grant suspended while the patient was inactive: enabling lifts it. */
  suspendedGrantId: number | null;
  suspendedAt: Date | null;
  /** The account the patient held before (latest SELF grant), kept when re-enabled (rule 1). */
  previousAccount: AccountFacts | null;
}

export interface EnableDecision {
  email: string;
  account: AccountFacts | null;
  suspendedGrantId: number | null;
  suspendedAt: Date | null;
}

/**
 * Rules 1, 18: may this patient be enabled, with which email and account. `patientRule` is where a
 * rule about the patient alone slots in (rule 20, the minimum age: modules/access-schedule), after
 * the record's own checks and before the access it has.
 */
export function decideEnable(facts: EnableRowFacts, typedEmail: string | null | undefined, patientRule: (patient: PatientFacts) => UserFacingError | null = () => null): EnableDecision | UserFacingError {
  const { patient } = facts;
  if (!patient) return refuse(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId");
  if (!patient.active) return refuse(UserErrorCode.PATIENT_INACTIVE, "This patient's record is inactive.", "patientId");
  const refused = patientRule(patient);
  if (refused) return refused;
  if (facts.hasAccess) return refuse(UserErrorCode.ALREADY_HAS_ACCESS, "This patient already has portal access.", "patientId");
  const email = chooseEmail(facts.previousAccount, typedEmail, patient.email);
  if (email instanceof UserFacingError) return email;
  return { email, account: facts.previousAccount, suspendedGrantId: facts.suspendedGrantId, suspendedAt: facts.suspendedAt };
}

/** Rule 2: a new account's email is used by no account, nor by an earlier row of the same change. */
export function emailInUse(): UserFacingError {
  return refuse(UserErrorCode.EMAIL_IN_USE, "This email address is already the login of another portal account.", "email");
}

/** The organization's settings an invite depends on. */
export interface InviteSettings {
  resendCooldownMinutes: number;
}

/**
 * Rules 6–8 for an invite: only before the account's first sign-in, not within the organization's
 * cooldown, with an email and the date of birth of the patient the grant opens on file, to an
 * enabled account. `account` null: the account a bulk enable-and-invite is about to create.
 * The `inviteAction` field and the send mutations both ask this, so the screen never disagrees.
 */
export function inviteRefusal(settings: InviteSettings, account: Omit<AccountFacts, "id"> | null, patient: Pick<PatientFacts, "dateOfBirth">, field: string, now: Date): UserFacingError | null {
  if (account?.disabled) return refuse(UserErrorCode.ACCOUNT_DISABLED, "This portal account is disabled; enable it before sending an invite.", field);
  if (account && hasSignedIn(account)) return refuse(UserErrorCode.ALREADY_ACTIVE, "This account has already signed in; an invite is no longer needed (use a password reset).", field);
  if (account && !account.email) return refuse(UserErrorCode.MISSING_EMAIL, "An email address is needed to send an invite.", field);
  if (!patient.dateOfBirth) {
    return refuse(UserErrorCode.MISSING_DATE_OF_BIRTH, "The patient's date of birth must be on file: the invite asks for it before the account is created.", field);
  }
  const availableAt = resendAvailableAt(account?.lastInviteSentAt, settings.resendCooldownMinutes, now);
  if (availableAt) {
    const minutes = Math.ceil((availableAt.getTime() - now.getTime()) / 60_000);
    return new CooldownRefusal(
      `An invite was sent at ${formatUtc(account!.lastInviteSentAt!)}; another can be sent from ${formatUtc(availableAt)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`,
      field,
      availableAt,
    );
  }
  return null;
}

/** The facts of one grant an invite is asked for (rule 18: usable grants of active patients only). */
export interface InviteTargetFacts {
  grant: { id: number; revokedAt: Date | null; suspendedAt: Date | null } | null;
  patient: PatientFacts | null;
  /** The target named a patient (its SELF grant) rather than a grant. */
  byPatient: boolean;
}

/** Which grant an invite goes to, or why none (not found, not enabled, inactive, suspended). */
export function decideInviteTarget(facts: InviteTargetFacts): UserFacingError | null {
  const field = facts.byPatient ? "patientId" : "grantId";
  if (facts.byPatient && !facts.patient) return refuse(UserErrorCode.NOT_FOUND, "Patient not found.", "patientId");
  if (!facts.grant || facts.grant.revokedAt) {
    return facts.byPatient
      ? refuse(UserErrorCode.NO_ACCESS, "Enable portal access for this patient before sending an invite.", "patientId")
      : refuse(UserErrorCode.NOT_FOUND, "Portal access not found (it may have been removed).", "grantId");
  }
  if (facts.patient?.active === false) return refuse(UserErrorCode.PATIENT_INACTIVE, "This patient's record is inactive.", field);
  if (facts.grant.suspendedAt) return refuse(UserErrorCode.NO_ACCESS, "Portal access is suspended since the patient was made inactive: enable or grant access again first.", field);
  return null;
}

/** What staff may do about an invite now, and why not: shown by the screens instead of re-deriving it. */
export interface InviteActionView {
  allowed: boolean;
  reason: UserErrorCode | null;
  availableAt: Date | null;
  /** An invite went out before: this one is a resend. */
  resend: boolean;
}

/**
 * The invite action of a patient (its SELF grant, or enabling and inviting at once when it has
 * none) or of a grant: the same rules the mutations apply, asked without writing anything.
 */
export function inviteAction(
  settings: InviteSettings,
  target: { patient: PatientFacts; grant: { revokedAt: Date | null; suspendedAt: Date | null } | null; account: Omit<AccountFacts, "id"> | null },
  now: Date,
): InviteActionView {
  const enabled = target.grant !== null && !target.grant.revokedAt;
  const refusal = (): UserFacingError | null => {
    if (!enabled) {
      // No access yet: enabling and inviting at once (the grid's bulk action, `sendInvite: true`).
      const enable = decideEnable({ patient: target.patient, hasAccess: false, suspendedGrantId: null, suspendedAt: null, previousAccount: null }, null);
      return enable instanceof UserFacingError ? enable : inviteRefusal(settings, null, target.patient, "patientId", now);
    }
    return decideInviteTarget({ grant: { id: 0, ...target.grant! }, patient: target.patient, byPatient: false }) ?? inviteRefusal(settings, target.account, target.patient, "grantId", now);
  };
  const error = refusal();
  return {
    allowed: error === null,
    reason: error?.code ?? null,
    availableAt: error instanceof CooldownRefusal ? error.availableAt : null,
    resend: enabled && Boolean(target.account?.lastInviteSentAt),
  };
}
