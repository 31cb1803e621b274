import { emailProblemMessage, Language, normalizeEmail, passwordProblem, StaffPermission, UserErrorCode } from "@portal/schema";
import { hashPassword } from "../../auth/passwords";
import type { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { StaffRole } from "./staff-role.entity";
import { StaffUser } from "./staff-user.entity";


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
      const role = (await tx.findOneForUpdate(StaffRole, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "id");
      const before = { name: role.name, permissions: role.permissions };
      if (input.name != null) {
        role.name = input.name.trim();
        if (!role.name) fail(UserErrorCode.INVALID_INPUT, "A role needs a name.", "name");
      }
      if (input.permissions != null) role.permissions = [...new Set(input.permissions)].sort();
      // Nobody may lock the organization out of staff management by editing their own role.
      if (tx.actor.staffId && !role.permissions.includes(StaffPermission.MANAGE_STAFF)) {
        const me = await tx.findOneBy(StaffUser, { id: tx.actor.staffId });
        if (me?.staffRoleId === role.id) fail(UserErrorCode.INVALID_INPUT, "You cannot remove staff management from your own role.", "permissions");
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
      await tx.manager.delete(StaffRole, { id, organizationId: tx.organizationId });
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
      if (!(await tx.findOneBy(StaffRole, { id: input.staffRoleId }))) fail(UserErrorCode.NOT_FOUND, "Staff role not found.", "staffRoleId");
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
}
