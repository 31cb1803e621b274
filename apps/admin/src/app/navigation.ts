import type { StaffPermission } from "../gql/shell/graphql";

export interface NavItem {
  path: string;
  labelKey: "overview" | "onboarding" | "portalUsers" | "settings" | "audit" | "mailbox" | "imports";
  /** Shown when the staff member holds any of these permissions. */
  anyOf: StaffPermission[];
}

export const SETTINGS_PERMISSIONS: StaffPermission[] = [
  "CONFIGURE_PORTAL_ROLES",
  "MANAGE_STAFF",
  "CONFIGURE_EMAIL_TEMPLATES",
  "MANAGE_SETTINGS",
  "MANAGE_API_KEYS",
];

export const navItems: NavItem[] = [
  { path: "/", labelKey: "overview", anyOf: ["MANAGE_PORTAL_ACCESS"] },
  { path: "/onboarding", labelKey: "onboarding", anyOf: ["VIEW_PATIENTS", "MANAGE_PORTAL_ACCESS"] },
  { path: "/imports", labelKey: "imports", anyOf: ["EDIT_PATIENTS"] },
  { path: "/portal-users", labelKey: "portalUsers", anyOf: ["MANAGE_PORTAL_ACCESS"] },
  { path: "/settings", labelKey: "settings", anyOf: SETTINGS_PERMISSIONS },
  { path: "/audit", labelKey: "audit", anyOf: ["VIEW_AUDIT_LOG"] },
  { path: "/mailbox", labelKey: "mailbox", anyOf: ["VIEW_DEV_MAILBOX"] },
];

export function allowed(item: NavItem, permissions: readonly StaffPermission[]) {
  return item.anyOf.some((p) => permissions.includes(p));
}
