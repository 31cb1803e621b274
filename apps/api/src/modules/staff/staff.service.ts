import { ActorType, emailProblemMessage, Language, normalizeEmail, passwordProblem, type StaffPermission, UserErrorCode } from "@portal/schema";
import { hashPassword } from "../../auth/passwords";
import type { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { decideRoleCreate, decideRolePermissions, decideUserCreate, decideUserUpdate, HOLDS_EVERYTHING, type Held, type StaffFacts } from "./staff-grants";
import { StaffRole } from "./staff-role.entity";
import { StaffUser } from "./staff-user.entity";

/**
 * What the acting member holds now, read in the caller's transaction (not from the request's start):
 * their current role's permissions; everything for the system itself; nothing for anyone else (an API
 * key or a portal account never grants staff rights).
 */
export async function heldPermissions(tx: OrgScope): Promise<Held> {
  if (tx.actor.type === ActorType.SYSTEM) return HOLDS_EVERYTHING;
  if (!tx.actor.staffId) return new Set();
  const me = await tx.findOneBy(StaffUser, { id: tx.actor.staffId });
  const role = me && !me.disabled ? await tx.findOneBy(StaffRole, { id: me.staffRoleId }) : null;
  return new Set(role?.permissions ?? []);
}

/**
 * Every member (locked until the transaction ends, on MySQL) and role of the organization: staff
 * changes of one organization are decided one after the other, so two managers demoting each other at
 * once cannot both succeed and leave nobody able to manage staff.
 */
async function staffFacts(tx: OrgScope): Promise<{ facts: StaffFacts; users: StaffUser[] }> {
  const users = await tx.findForUpdate(StaffUser, {});
  const roles = new Map((await tx.find(StaffRole)).map((r) => [r.id, r.permissions] as const));
  return { facts: { actorId: tx.actor.staffId, held: await heldPermissions(tx), users, roles }, users };
}


/** Staff roles (ACLs) and staff users, managed by MANAGE_STAFF. */
export class StaffService {
  listRoles(scope: OrgScope): Promise<StaffRole[]> {
    return scope.find(StaffRole, { order: { name: "ASC" } });
  }

  listUsers(scope: OrgScope): Promise<StaffUser[]> {
    return scope.find(StaffUser, { order: { name: "ASC" } });
  }

  async createRole(scope: OrgScope, input: { name: string; permissions: StaffPermission[] }): Promise<{ staffRole: StaffRole }> {
    const name = input.name.trim();
    if (!name) fail(UserErrorCode.INVALID_INPUT, "A role needs a name.", "name");
    return scope.transaction(async (tx) => {
      decideRoleCreate(await heldPermissions(tx), input.permissions);
      try {
        const staffRole = await tx.create(StaffRole, { name, permissions: [...new Set(input.permissions)].sort() });
        await audit(tx, { action: "staff_role.created", targetType: "StaffRole", targetId: staffRole.id, after: { name, permissions: staffRole.permissions } });
        return { staffRole };
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.NAME_TAKEN, "Another staff role has this name.", "name");
        throw err;
      }
    });
  }

  async updateRole(scope: OrgScope, id: number, input: { name?: string | null; permissions?: StaffPermission[] | null }): Promise<{ staffRole: StaffRole }> {
    return scope.transaction(async (tx) => {
      // Members first, then the role: the lock order of every staff change.
      const { facts } = await staffFacts(tx);
      const role = (await tx.findOneForUpdate(StaffRole, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "id");
      const before = { name: role.name, permissions: role.permissions };
      if (input.name != null) {
        role.name = input.name.trim();
        if (!role.name) fail(UserErrorCode.INVALID_INPUT, "A role needs a name.", "name");
      }
      if (input.permissions != null) {
        role.permissions = [...new Set(input.permissions)].sort();
        decideRolePermissions(facts, id, role.permissions);
      }
      try {
        await tx.save(StaffRole, role);
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.NAME_TAKEN, "Another staff role has this name.", "name");
        throw err;
      }
      await audit(tx, { action: "staff_role.updated", targetType: "StaffRole", targetId: id, before, after: { name: role.name, permissions: role.permissions } });
      return { staffRole: role };
    });
  }

  async deleteRole(scope: OrgScope, id: number): Promise<{ deletedId: number }> {
    return scope.transaction(async (tx) => {
      const role = (await tx.findOneForUpdate(StaffRole, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "id");
      if (await tx.count(StaffUser, { staffRoleId: id })) fail(UserErrorCode.ROLE_IN_USE, "Staff users have this role; change them first.", "id");
      await tx.delete(StaffRole, { id });
      await audit(tx, { action: "staff_role.deleted", targetType: "StaffRole", targetId: id, before: { name: role.name } });
      return { deletedId: id };
    });
  }

  async createUser(scope: OrgScope, input: { email: string; name: string; password: string; staffRoleId: number; language?: Language | null }): Promise<{ staffUser: StaffUser }> {
    const email = input.email.trim();
    const problem = emailProblemMessage(email);
    if (problem) fail(UserErrorCode.INVALID_EMAIL, problem, "email");
    if (!input.name.trim()) fail(UserErrorCode.INVALID_INPUT, "A name is required.", "name");
    if (passwordProblem(input.password)) fail(UserErrorCode.WEAK_PASSWORD, "Passwords need 12 to 128 characters.", "password");
    const passwordHash = await hashPassword(input.password);
    return scope.transaction(async (tx) => {
      const role = (await tx.findOneBy(StaffRole, { id: input.staffRoleId })) ?? fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "staffRoleId");
      decideUserCreate(await heldPermissions(tx), role.permissions);
      try {
        const staffUser = await tx.create(StaffUser, {
          email,
          emailNormalized: normalizeEmail(email),
          name: input.name.trim(),
          passwordHash,
          staffRoleId: input.staffRoleId,
          language: input.language ?? Language.EN,
        });
        await audit(tx, { action: "staff_user.created", targetType: "StaffUser", targetId: staffUser.id, after: { email, staffRoleId: input.staffRoleId } });
        return { staffUser };
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.EMAIL_IN_USE, "A staff user already signs in with this email.", "email");
        throw err;
      }
    });
  }

  /** Moves a member to another role, disables or re-enables them; each change audited on its own. */
  async updateUser(scope: OrgScope, id: number, input: { staffRoleId?: number | null; disabled?: boolean | null }): Promise<{ staffUser: StaffUser }> {
    if (input.staffRoleId == null && input.disabled == null) fail(UserErrorCode.INVALID_INPUT, "Give a new role or a new state.", null);
    return scope.transaction(async (tx) => {
      const { facts, users } = await staffFacts(tx);
      const user = users.find((u) => u.id === id) ?? fail(UserErrorCode.NOT_FOUND, "Staff user not found.", "id");
      if (input.staffRoleId != null && !facts.roles.has(input.staffRoleId)) fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "staffRoleId");
      decideUserUpdate(facts, id, input);
      const target = { targetType: "StaffUser", targetId: id };
      if (input.staffRoleId != null && input.staffRoleId !== user.staffRoleId) {
        await audit(tx, { action: "staff_user.role_changed", ...target, before: { staffRoleId: user.staffRoleId }, after: { staffRoleId: input.staffRoleId } });
        user.staffRoleId = input.staffRoleId;
      }
      if (input.disabled != null && input.disabled !== user.disabled) {
        // A disabled member is refused from their next request on (principal.ts checks it every time).
        await audit(tx, { action: input.disabled ? "staff_user.disabled" : "staff_user.enabled", ...target, before: { disabled: user.disabled }, after: { disabled: input.disabled } });
        user.disabled = input.disabled;
      }
      await tx.update(StaffUser, { id }, { staffRoleId: user.staffRoleId, disabled: user.disabled });
      return { staffUser: user };
    });
  }
}
