import { ApiKeyScope, StaffPermission } from "@portal/schema";

const { PATIENTS_READ, PATIENTS_WRITE, PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE, AUDIT_READ } = ApiKeyScope;

/**
 * Which scopes stand in for a staff permission when an API key calls. Reads (queries and fields) and
 * writes (mutations) are told apart, so `portal_access:read` can list statuses but not change them;
 * a write scope includes the matching read. Permissions missing here (settings, staff, roles,
 * templates, API keys, webhooks) are staff-only: no key ever gets them.
 */
const READ: Partial<Record<StaffPermission, ApiKeyScope[]>> = {
  [StaffPermission.VIEW_PATIENTS]: [PATIENTS_READ, PATIENTS_WRITE],
  [StaffPermission.EDIT_PATIENTS]: [PATIENTS_WRITE],
  [StaffPermission.MANAGE_PORTAL_ACCESS]: [PORTAL_ACCESS_READ, PORTAL_ACCESS_WRITE],
  [StaffPermission.VIEW_AUDIT_LOG]: [AUDIT_READ],
};
const WRITE: Partial<Record<StaffPermission, ApiKeyScope[]>> = {
  [StaffPermission.EDIT_PATIENTS]: [PATIENTS_WRITE],
  [StaffPermission.MANAGE_PORTAL_ACCESS]: [PORTAL_ACCESS_WRITE],
};

export type AccessMode = "read" | "write";

export function scopesGranting(permission: StaffPermission, mode: AccessMode): readonly ApiKeyScope[] {
  return (mode === "write" ? WRITE : READ)[permission] ?? [];
}

export function keyHolds(scopes: ReadonlySet<ApiKeyScope>, permission: StaffPermission, mode: AccessMode): boolean {
  return scopesGranting(permission, mode).some((s) => scopes.has(s));
}
