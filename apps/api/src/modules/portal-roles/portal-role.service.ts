import { IsNull } from "typeorm";
import { type AccessType, type PortalPermission, UserErrorCode } from "@portal/schema";
import type { OrgScope } from "../../db/org-scope";
import { isUniqueViolation } from "../../db/transaction";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { PortalRole } from "./portal-role.entity";

export interface PortalRoleFields {
  name?: string;
  permissions?: PortalPermission[];
  accessTypes?: AccessType[];
}


function clean(fields: PortalRoleFields): PortalRoleFields {
  // Omitted fields stay as they are: drop undefined keys before they overwrite anything.
  const out = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PortalRoleFields;
  if (out.name !== undefined) {
    out.name = out.name.trim();
    if (!out.name) fail(UserErrorCode.INVALID_INPUT, "A role needs a name.", "name");
  }
  if (out.permissions) out.permissions = [...new Set(out.permissions)].sort();
  if (out.accessTypes) {
    out.accessTypes = [...new Set(out.accessTypes)].sort();
    if (out.accessTypes.length === 0) fail(UserErrorCode.INVALID_INPUT, "A role must apply to patients, contacts or both.", "accessTypes");
  }
  return out;
}

/** Organization-defined portal roles (rule 5), configured by CONFIGURE_PORTAL_ROLES. */
export class PortalRoleService {
  list(scope: OrgScope): Promise<PortalRole[]> {
    return scope.find(PortalRole, { order: { name: "ASC" } });
  }

  async create(scope: OrgScope, input: Required<PortalRoleFields>): Promise<{ portalRole: PortalRole }> {
    const fields = clean(input);
    return scope.transaction(async (tx) => {
      try {
        const portalRole = await tx.create(PortalRole, fields);
        await audit(tx, { action: "portal_role.created", targetType: "PortalRole", targetId: portalRole.id, after: { ...fields } });
        return { portalRole };
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.NAME_TAKEN, "Another portal role has this name.", "name");
        throw err;
      }
    });
  }

  async update(scope: OrgScope, id: number, input: PortalRoleFields): Promise<{ portalRole: PortalRole }> {
    const fields = clean(input);
    return scope.transaction(async (tx) => {
      const role = (await tx.findOneForUpdate(PortalRole, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Portal role not found.", "id");
      const before = { name: role.name, permissions: role.permissions, accessTypes: role.accessTypes };
      // Rule 5 stays true for existing grants: an access type in use cannot be dropped.
      for (const type of role.accessTypes.filter((t) => fields.accessTypes && !fields.accessTypes.includes(t))) {
        if (await tx.count(PortalGrant, { portalRoleId: id, accessType: type, revokedAt: IsNull() })) {
          fail(UserErrorCode.ROLE_IN_USE, `Active ${type} grants use this role; change them first.`, "accessTypes");
        }
      }
      Object.assign(role, fields);
      try {
        await tx.save(PortalRole, role);
      } catch (err) {
        if (isUniqueViolation(err)) fail(UserErrorCode.NAME_TAKEN, "Another portal role has this name.", "name");
        throw err;
      }
      await audit(tx, { action: "portal_role.updated", targetType: "PortalRole", targetId: id, before, after: { ...fields } });
      return { portalRole: role };
    });
  }

  async delete(scope: OrgScope, id: number): Promise<{ deletedId: number }> {
    return scope.transaction(async (tx) => {
      const role = (await tx.findOneForUpdate(PortalRole, { id })) ?? fail(UserErrorCode.NOT_FOUND, "Portal role not found.", "id");
      if (await tx.count(PortalGrant, { portalRoleId: id, revokedAt: IsNull() })) {
        fail(UserErrorCode.ROLE_IN_USE, "Active portal access uses this role; change it first.", "id");
      }
      await tx.delete(PortalRole, { id: role.id });
      await tx.updateOrganization({ defaultPortalRoleId: null }, { defaultPortalRoleId: id });
      await audit(tx, { action: "portal_role.deleted", targetType: "PortalRole", targetId: id, before: { name: role.name } });
      return { deletedId: id };
    });
  }
}
