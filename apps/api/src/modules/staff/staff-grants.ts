import { ApiKeyScope, StaffPermission, UserErrorCode } from "@portal/schema";
import { SCOPE_REQUIRES } from "../../auth/policy";
import { fail } from "../../graphql/user-error";

/**
 * No one grants what they don't hold (SPEC rule 16). Pure decisions, from facts read in the caller's
 * transaction: nothing here reads the database or the clock. Each refusal is a typed UserFacingError
 * thrown before any write, so the transaction changes nothing.
 */

const ALL_PERMISSIONS = Object.values(StaffPermission);
const ALL_SCOPES = Object.values(ApiKeyScope);

/** What the granter holds: their role's permissions now, or everything for the system itself (demo data, CLI). */
export type Held = ReadonlySet<StaffPermission>;
export const HOLDS_EVERYTHING: Held = new Set(ALL_PERMISSIONS);

/** The staff permissions an API key scope stands for (a write scope includes its read). */
export function permissionsOfScope(scope: ApiKeyScope): readonly StaffPermission[] {
  return SCOPE_REQUIRES[scope];
}

/** The permissions a member may put in a role, or give a user through a role: the ones they hold. */
export function grantablePermissions(held: Held): StaffPermission[] {
  return ALL_PERMISSIONS.filter((p) => held.has(p)).sort();
}

/** The scopes a member may give an API key: those whose every permission they hold. */
export function grantableApiKeyScopes(held: Held): ApiKeyScope[] {
  return ALL_SCOPES.filter((s) => permissionsOfScope(s).every((p) => held.has(p))).sort();
}

function missing(held: Held, wanted: Iterable<StaffPermission>): StaffPermission[] {
  return [...new Set(wanted)].filter((p) => !held.has(p)).sort();
}

/** A staff member, as the rules see them. */
export interface StaffFact {
  id: number;
  staffRoleId: number;
  disabled: boolean;
  /** Null while an invited member has not chosen a password: they cannot sign in yet. */
  passwordHash?: string | null;
}

/** Everything the decisions about staff need, read in one transaction with the users locked. */
export interface StaffFacts {
  /** The acting member's id; null for the system (demo data, command-line steps). */
  actorId: number | null;
  held: Held;
  users: readonly StaffFact[];
  /** Every role of the organization: id → permissions. */
  roles: ReadonlyMap<number, readonly StaffPermission[]>;
}

/** Active members able to manage staff once `change` is applied to the users and roles. */
function managersAfter(facts: StaffFacts, change: { user?: StaffFact; roleId?: number; permissions?: readonly StaffPermission[] }): number {
  let count = 0;
  for (const current of facts.users) {
    const user = change.user && change.user.id === current.id ? change.user : current;
    // A member who cannot sign in (disabled, or invited and not signed up) manages nobody.
    if (user.disabled || user.passwordHash === null) continue;
    const permissions = change.roleId === user.staffRoleId && change.permissions ? change.permissions : (facts.roles.get(user.staffRoleId) ?? []);
    if (permissions.includes(StaffPermission.MANAGE_STAFF)) count++;
  }
  return count;
}

function refuseLastManager(field: string): never {
  return fail(UserErrorCode.LAST_STAFF_MANAGER, "This would leave no active member able to manage staff; give another member that permission first.", field);
}

function refuseNotHeld(field: string, notHeld: readonly string[], what: string): never {
  return fail(UserErrorCode.PERMISSION_NOT_HELD, `You cannot give ${what} you do not hold yourself: ${notHeld.join(", ")}.`, field);
}

/** A new role: only permissions the member holds. */
export function decideRoleCreate(held: Held, permissions: readonly StaffPermission[]): void {
  const notHeld = missing(held, permissions);
  if (notHeld.length) refuseNotHeld("permissions", notHeld, "a role permissions");
}

/**
 * New permissions for an existing role. Removing a permission is not granting it, so only additions
 * must be held; nobody changes the permissions of the role they hold themselves; and the last active
 * member able to manage staff keeps that ability.
 */
export function decideRolePermissions(facts: StaffFacts, roleId: number, next: readonly StaffPermission[]): void {
  const current = facts.roles.get(roleId) ?? [];
  const added = next.filter((p) => !current.includes(p));
  const removed = current.filter((p) => !next.includes(p));
  if (!added.length && !removed.length) return;
  if (removed.includes(StaffPermission.MANAGE_STAFF) && managersAfter(facts, { roleId, permissions: next }) === 0) refuseLastManager("permissions");
  const actor = facts.users.find((u) => u.id === facts.actorId);
  if (actor?.staffRoleId === roleId) fail(UserErrorCode.OWN_ROLE, "You cannot change the permissions of your own role; ask another member who manages staff.", "permissions");
  const notHeld = missing(facts.held, added);
  if (notHeld.length) refuseNotHeld("permissions", notHeld, "a role permissions");
}

/** A new member in a role: the role's permissions must all be held by whoever adds them. */
export function decideUserCreate(held: Held, rolePermissions: readonly StaffPermission[]): void {
  const notHeld = missing(held, rolePermissions);
  if (notHeld.length) refuseNotHeld("staffRoleId", notHeld, "a member permissions");
}

/**
 * Moving a member to another role, disabling or re-enabling them. Nobody changes their own role or
 * disables themselves; a member given a role (or given it back by re-enabling) receives only
 * permissions the manager holds; the last active member able to manage staff stays so.
 */
export function decideUserUpdate(facts: StaffFacts, userId: number, change: { staffRoleId?: number | null; disabled?: boolean | null }): void {
  const current = facts.users.find((u) => u.id === userId);
  if (!current) return fail(UserErrorCode.NOT_FOUND, "Staff user not found.", "id");
  const next: StaffFact = { ...current, staffRoleId: change.staffRoleId ?? current.staffRoleId, disabled: change.disabled ?? current.disabled };
  const roleChanged = next.staffRoleId !== current.staffRoleId;
  const disabling = next.disabled && !current.disabled;
  const enabling = !next.disabled && current.disabled;
  if (!roleChanged && !disabling && !enabling) return;
  const field = roleChanged ? "staffRoleId" : "disabled";
  if (managersAfter(facts, { user: next }) === 0) refuseLastManager(field);
  if (userId === facts.actorId) {
    if (roleChanged) fail(UserErrorCode.OWN_ROLE, "You cannot change your own role; ask another member who manages staff.", "staffRoleId");
    fail(UserErrorCode.OWN_ACCOUNT, "You cannot disable your own account.", "disabled");
  }
  // The member ends up with the permissions of their (new) role: each must be held when granted anew.
  if (!next.disabled && (roleChanged || enabling)) {
    const notHeld = missing(facts.held, facts.roles.get(next.staffRoleId) ?? []);
    if (notHeld.length) refuseNotHeld(field, notHeld, "a member permissions");
  }
}

/** A new API key: each scope stands for staff permissions the member must hold. */
export function decideKeyScopes(held: Held, scopes: readonly ApiKeyScope[]): void {
  const notHeld = [...new Set(scopes)].filter((s) => permissionsOfScope(s).some((p) => !held.has(p))).sort();
  if (notHeld.length) refuseNotHeld("scopes", notHeld, "a key scopes standing for permissions");
}
