// user-error.ts declares GraphQL types: their decorators need the metadata API, nothing else.
import "reflect-metadata";
import { AccessType, UserErrorCode } from "@portal/schema";
import { UserFacingError } from "../graphql/user-error";
import { deriveStoredFacts } from "../modules/portal-access/portal-status";
import { chooseEmail, decideEnable, decideInviteTarget, decideRole, hasSignedIn, inviteAction, inviteRefusal, type AccountFacts, type EnableRowFacts } from "./access-decisions";

const now = new Date("2026-11-30T12:00:00.000Z");
const patient = { id: 1, active: true, email: "ann@example.test", dateOfBirth: "1990-01-02" };
const account = (over: Partial<AccountFacts> = {}): AccountFacts => ({ id: 7, email: "ann@example.test", disabled: false, signedUpAt: null, lastSignInAt: null, lastInviteSentAt: null, ...over });
const code = (x: unknown) => (x instanceof UserFacingError ? x.code : null);
const settings = { resendCooldownMinutes: 5 };

describe("decideRole (rule 5)", () => {
  const role = { id: 3, name: "Family", accessTypes: [AccessType.PROXY] };
  it("asks for a role when none is chosen and the organization has no default", () => expect(code(decideRole(null, false, AccessType.SELF))).toBe(UserErrorCode.INVALID_INPUT));
  it("refuses an unknown role", () => expect(code(decideRole(null, true, AccessType.SELF))).toBe(UserErrorCode.NOT_FOUND));
  it("refuses a role of the other access type", () => expect(code(decideRole(role, true, AccessType.SELF))).toBe(UserErrorCode.ROLE_NOT_APPLICABLE));
  it("takes an applicable role", () => expect(decideRole(role, true, AccessType.PROXY)).toBe(role));
});

describe("chooseEmail (rule 1)", () => {
  it("keeps an existing account's login email and refuses another one", () => {
    expect(chooseEmail(account(), null, "other@example.test")).toBe("ann@example.test");
    expect(chooseEmail(account(), " ANN@example.test ", null)).toBe("ann@example.test");
    expect(code(chooseEmail(account(), "other@example.test", null))).toBe(UserErrorCode.EMAIL_LOCKED_TO_ACCOUNT);
  });
  it("takes the typed email, else the one on file, and refuses none or a bad one", () => {
    expect(chooseEmail(null, " typed@example.test ", "file@example.test")).toBe("typed@example.test");
    expect(chooseEmail(null, null, "file@example.test")).toBe("file@example.test");
    expect(code(chooseEmail(null, null, null))).toBe(UserErrorCode.MISSING_EMAIL);
    expect(code(chooseEmail(null, "not-an-email", null))).toBe(UserErrorCode.INVALID_EMAIL);
  });
});

describe("decideEnable (rules 1, 18)", () => {
  const facts = (over: Partial<EnableRowFacts> = {}): EnableRowFacts => ({ patient, hasAccess: false, suspendedGrantId: null, suspendedAt: null, previousAccount: null, ...over });
  it("refuses a missing, inactive or already enabled patient", () => {
    expect(code(decideEnable(facts({ patient: null }), null))).toBe(UserErrorCode.NOT_FOUND);
    expect(code(decideEnable(facts({ patient: { ...patient, active: false } }), null))).toBe(UserErrorCode.PATIENT_INACTIVE);
    expect(code(decideEnable(facts({ hasAccess: true }), null))).toBe(UserErrorCode.ALREADY_HAS_ACCESS);
  });
  it("reuses the previous account and resumes a suspended grant", () => {
    const suspendedAt = new Date("2026-11-01T00:00:00Z");
    expect(decideEnable(facts({ previousAccount: account(), suspendedGrantId: 9, suspendedAt }), null)).toEqual({ email: "ann@example.test", account: account(), suspendedGrantId: 9, suspendedAt });
  });
  it("needs an email for a new account", () => expect(code(decideEnable(facts({ patient: { ...patient, email: null } }), null))).toBe(UserErrorCode.MISSING_EMAIL));
});

describe("inviteRefusal (rules 6–8)", () => {
  it("allows a first invite of a new or invited account", () => {
    expect(inviteRefusal(settings, null, patient, "patientId", now)).toBeNull();
    expect(inviteRefusal(settings, account(), patient, "grantId", now)).toBeNull();
  });
  it("refuses a disabled account, one that signed in, and a patient without a date of birth", () => {
    expect(code(inviteRefusal(settings, account({ disabled: true }), patient, "grantId", now))).toBe(UserErrorCode.ACCOUNT_DISABLED);
    expect(code(inviteRefusal(settings, account({ lastSignInAt: now }), patient, "grantId", now))).toBe(UserErrorCode.ALREADY_ACTIVE);
    expect(code(inviteRefusal(settings, null, { dateOfBirth: null }, "patientId", now))).toBe(UserErrorCode.MISSING_DATE_OF_BIRTH);
  });
  it("refuses within the cooldown, saying from when, and allows after it", () => {
    const refusal = inviteRefusal(settings, account({ lastInviteSentAt: new Date(now.getTime() - 2 * 60_000) }), patient, "grantId", now);
    expect(refusal).toMatchObject({ code: UserErrorCode.COOLDOWN, field: "grantId", availableAt: new Date(now.getTime() + 3 * 60_000) });
    expect(refusal!.message).toContain("in 3 minutes");
    expect(inviteRefusal(settings, account({ lastInviteSentAt: new Date(now.getTime() - 5 * 60_000) }), patient, "grantId", now)).toBeNull();
  });
  it("tells a signed-in account", () => {
    expect(hasSignedIn(account({ signedUpAt: now }))).toBe(true);
    expect(hasSignedIn(account())).toBe(false);
  });
});

describe("decideInviteTarget (rule 18)", () => {
  const grant = { id: 4, revokedAt: null, suspendedAt: null };
  it("names what is missing", () => {
    expect(code(decideInviteTarget({ grant: null, patient: null, byPatient: true }))).toBe(UserErrorCode.NOT_FOUND);
    expect(code(decideInviteTarget({ grant: null, patient, byPatient: true }))).toBe(UserErrorCode.NO_ACCESS);
    expect(code(decideInviteTarget({ grant: { ...grant, revokedAt: now }, patient, byPatient: false }))).toBe(UserErrorCode.NOT_FOUND);
    expect(code(decideInviteTarget({ grant, patient: { ...patient, active: false }, byPatient: false }))).toBe(UserErrorCode.PATIENT_INACTIVE);
    expect(code(decideInviteTarget({ grant: { ...grant, suspendedAt: now }, patient, byPatient: false }))).toBe(UserErrorCode.NO_ACCESS);
    expect(decideInviteTarget({ grant, patient, byPatient: false })).toBeNull();
  });
});

describe("inviteAction (what the screens show)", () => {
  const grant = { revokedAt: null, suspendedAt: null };
  it("allows an invite, or a resend after the cooldown", () => {
    expect(inviteAction(settings, { patient, grant, account: account() }, now)).toEqual({ allowed: true, reason: null, availableAt: null, resend: false });
    expect(inviteAction(settings, { patient, grant, account: account({ lastInviteSentAt: new Date(now.getTime() - 600_000) }) }, now)).toMatchObject({ allowed: true, resend: true });
  });
  it("says why not and from when", () => {
    const sent = new Date(now.getTime() - 60_000);
    expect(inviteAction(settings, { patient, grant, account: account({ lastInviteSentAt: sent }) }, now)).toEqual({
      allowed: false,
      reason: UserErrorCode.COOLDOWN,
      availableAt: new Date(sent.getTime() + 5 * 60_000),
      resend: true,
    });
    // The date of birth rule holds for a grant too (rule 8), not only for the grid's rows.
    expect(inviteAction(settings, { patient: { ...patient, dateOfBirth: null }, grant, account: account() }, now)).toMatchObject({ allowed: false, reason: UserErrorCode.MISSING_DATE_OF_BIRTH });
    expect(inviteAction(settings, { patient, grant, account: account({ signedUpAt: now }) }, now)).toMatchObject({ allowed: false, reason: UserErrorCode.ALREADY_ACTIVE });
  });
  it("for a patient without access: enabling and inviting needs an email and a date of birth", () => {
    expect(inviteAction(settings, { patient, grant: null, account: null }, now)).toMatchObject({ allowed: true, resend: false });
    expect(inviteAction(settings, { patient: { ...patient, email: null }, grant: null, account: null }, now)).toMatchObject({ allowed: false, reason: UserErrorCode.MISSING_EMAIL });
    expect(inviteAction(settings, { patient: { ...patient, active: false }, grant: null, account: null }, now)).toMatchObject({ allowed: false, reason: UserErrorCode.PATIENT_INACTIVE });
  });
});

describe("deriveStoredFacts (the copies on patients)", () => {
  const invite = { expiresAt: new Date("2026-12-07T00:00:00Z"), lockedAt: null };
  it("copies nothing for a patient without access, whatever the account's past", () => {
    expect(deriveStoredFacts(null, invite)).toEqual({ portalStatus: "NO_ACCESS", lastInviteSentAt: null, lastSignInAt: null, inviteDeliveryFailedAt: null, inviteUsableUntil: null, inviteLockedAt: null });
  });
  it("copies the account's invite facts, a locked invite ending when it locked", () => {
    const failed = new Date("2026-11-30T10:00:00Z");
    const lockedAt = new Date("2026-11-30T11:00:00Z");
    const facts = deriveStoredFacts({ signedUpAt: null, lastSignInAt: null, lastInviteSentAt: now, inviteDeliveryFailedAt: failed }, { ...invite, lockedAt });
    expect(facts).toEqual({ portalStatus: "INVITED", lastInviteSentAt: now, lastSignInAt: null, inviteDeliveryFailedAt: failed, inviteUsableUntil: lockedAt, inviteLockedAt: lockedAt });
  });
});
