import "reflect-metadata";
import { ApiKeyScope, StaffPermission } from "@portal/schema";
import { UserFacingError } from "../../graphql/user-error";
import {
  decideKeyScopes,
  decideRoleCreate,
  decideRolePermissions,
  decideUserCreate,
  decideUserUpdate,
  grantableApiKeyScopes,
  grantablePermissions,
  HOLDS_EVERYTHING,
  type StaffFacts,
} from "./staff-grants";

const { MANAGE_STAFF, VIEW_PATIENTS, EDIT_PATIENTS, MANAGE_PORTAL_ACCESS, VIEW_AUDIT_LOG, MANAGE_API_KEYS } = StaffPermission;

/** The refusal of a decision, as `code field`, or "ok". */
function outcome(decide: () => void): string {
  try {
    decide();
    return "ok";
  } catch (err) {
    if (err instanceof UserFacingError) return `${err.code} ${err.field}`;
    throw err;
  }
}

// Role 1: managers; role 2: front desk; role 3: administrators; role 4: auditors.
const ROLES = new Map<number, StaffPermission[]>([
  [1, [MANAGE_STAFF, VIEW_PATIENTS]],
  [2, [VIEW_PATIENTS]],
  [3, Object.values(StaffPermission)],
  [4, [VIEW_AUDIT_LOG]],
]);

function facts(users: StaffFacts["users"], actorId: number | null = 10): StaffFacts {
  const actor = users.find((u) => u.id === actorId);
  return { actorId, held: new Set(actor && !actor.disabled ? ROLES.get(actor.staffRoleId) : actorId === null ? HOLDS_EVERYTHING : []), users, roles: ROLES };
}

describe("what a member may grant", () => {
  it("permissions: exactly those held", () => {
    expect(grantablePermissions(new Set([VIEW_PATIENTS, MANAGE_STAFF]))).toEqual([MANAGE_STAFF, VIEW_PATIENTS]);
    expect(grantablePermissions(new Set())).toEqual([]);
  });

  it("scopes: those whose every permission is held; patients:write needs viewing and editing", () => {
    expect(grantableApiKeyScopes(new Set([EDIT_PATIENTS]))).toEqual([]);
    expect(grantableApiKeyScopes(new Set([VIEW_PATIENTS]))).toEqual([ApiKeyScope.PATIENTS_READ]);
    expect(grantableApiKeyScopes(new Set([VIEW_PATIENTS, EDIT_PATIENTS]))).toEqual([ApiKeyScope.PATIENTS_READ, ApiKeyScope.PATIENTS_WRITE]);
    expect(grantableApiKeyScopes(new Set([MANAGE_PORTAL_ACCESS]))).toEqual([ApiKeyScope.PORTAL_ACCESS_READ, ApiKeyScope.PORTAL_ACCESS_WRITE]);
    expect(grantableApiKeyScopes(new Set([MANAGE_API_KEYS]))).toEqual([]);
    expect(grantableApiKeyScopes(HOLDS_EVERYTHING)).toEqual(Object.values(ApiKeyScope).sort());
  });

  it("keys: a scope not covered is refused, naming every such scope", () => {
    expect(outcome(() => decideKeyScopes(new Set([MANAGE_API_KEYS]), [ApiKeyScope.PATIENTS_WRITE, ApiKeyScope.AUDIT_READ]))).toBe("PERMISSION_NOT_HELD scopes");
    expect(outcome(() => decideKeyScopes(new Set([VIEW_AUDIT_LOG]), [ApiKeyScope.AUDIT_READ]))).toBe("ok");
  });
});

describe("roles", () => {
  it("a new role holds only permissions its creator holds", () => {
    expect(outcome(() => decideRoleCreate(new Set([MANAGE_STAFF, VIEW_PATIENTS]), [VIEW_PATIENTS]))).toBe("ok");
    expect(outcome(() => decideRoleCreate(new Set([MANAGE_STAFF]), [VIEW_PATIENTS]))).toBe("PERMISSION_NOT_HELD permissions");
  });

  it("editing another role: additions must be held, removals need not be", () => {
    const f = facts([{ id: 10, staffRoleId: 1, disabled: false }]);
    expect(outcome(() => decideRolePermissions(f, 4, [VIEW_AUDIT_LOG, VIEW_PATIENTS]))).toBe("ok");
    expect(outcome(() => decideRolePermissions(f, 4, [VIEW_AUDIT_LOG, EDIT_PATIENTS]))).toBe("PERMISSION_NOT_HELD permissions");
    expect(outcome(() => decideRolePermissions(f, 4, []))).toBe("ok");
    expect(outcome(() => decideRolePermissions(f, 3, [VIEW_PATIENTS]))).toBe("ok");
  });

  it("nobody edits the permissions of their own role, even to narrow it", () => {
    const f = facts([
      { id: 10, staffRoleId: 1, disabled: false },
      { id: 11, staffRoleId: 3, disabled: false },
    ]);
    expect(outcome(() => decideRolePermissions(f, 1, [MANAGE_STAFF, VIEW_PATIENTS, EDIT_PATIENTS]))).toBe("OWN_ROLE permissions");
    expect(outcome(() => decideRolePermissions(f, 1, [MANAGE_STAFF]))).toBe("OWN_ROLE permissions");
    // Unchanged permissions (a rename) are no change.
    expect(outcome(() => decideRolePermissions(f, 1, [MANAGE_STAFF, VIEW_PATIENTS]))).toBe("ok");
  });

  it("the last active member able to manage staff keeps it; disabled members do not count", () => {
    const f = facts([
      { id: 10, staffRoleId: 1, disabled: false },
      { id: 11, staffRoleId: 3, disabled: true },
    ]);
    expect(outcome(() => decideRolePermissions(f, 1, [VIEW_PATIENTS]))).toBe("LAST_STAFF_MANAGER permissions");
    // The system (demo data, CLI) holds everything but is bound by the same rule.
    const system = facts([{ id: 12, staffRoleId: 1, disabled: false }], null);
    expect(outcome(() => decideRolePermissions(system, 1, [VIEW_PATIENTS]))).toBe("LAST_STAFF_MANAGER permissions");
    expect(outcome(() => decideRolePermissions(system, 1, [MANAGE_STAFF, EDIT_PATIENTS]))).toBe("ok");
  });

  it("an invited member who has not chosen a password yet does not count as a manager", () => {
    const users = [
      { id: 12, staffRoleId: 3, disabled: false, passwordHash: "hash" },
      { id: 11, staffRoleId: 1, disabled: false, passwordHash: null },
    ];
    expect(outcome(() => decideRolePermissions(facts(users, null), 3, [VIEW_PATIENTS]))).toBe("LAST_STAFF_MANAGER permissions");
    // Once the invitee has signed up, they are a manager like any other.
    expect(outcome(() => decideRolePermissions(facts([users[0]!, { ...users[1]!, passwordHash: "hash" }], null), 3, [VIEW_PATIENTS]))).toBe("ok");
  });
});

describe("members", () => {
  const team = () =>
    facts([
      { id: 10, staffRoleId: 1, disabled: false },
      { id: 11, staffRoleId: 2, disabled: false },
      { id: 12, staffRoleId: 1, disabled: false },
      { id: 13, staffRoleId: 3, disabled: true },
    ]);

  it("a new member's role holds only permissions their creator holds", () => {
    expect(outcome(() => decideUserCreate(new Set([MANAGE_STAFF, VIEW_PATIENTS]), ROLES.get(2)!))).toBe("ok");
    expect(outcome(() => decideUserCreate(new Set([MANAGE_STAFF]), ROLES.get(2)!))).toBe("PERMISSION_NOT_HELD staffRoleId");
  });

  it("moving a colleague: only to a role within the manager's permissions", () => {
    expect(outcome(() => decideUserUpdate(team(), 11, { staffRoleId: 1 }))).toBe("ok");
    expect(outcome(() => decideUserUpdate(team(), 11, { staffRoleId: 3 }))).toBe("PERMISSION_NOT_HELD staffRoleId");
    expect(outcome(() => decideUserUpdate(team(), 11, { staffRoleId: 4 }))).toBe("PERMISSION_NOT_HELD staffRoleId");
    // Unchanged values are no change.
    expect(outcome(() => decideUserUpdate(team(), 11, { staffRoleId: 2, disabled: false }))).toBe("ok");
  });

  it("disabling takes nothing from anyone; re-enabling gives the role back, so it must be held", () => {
    expect(outcome(() => decideUserUpdate(team(), 11, { disabled: true }))).toBe("ok");
    expect(outcome(() => decideUserUpdate(team(), 13, { disabled: false }))).toBe("PERMISSION_NOT_HELD disabled");
    expect(outcome(() => decideUserUpdate(team(), 13, { disabled: false, staffRoleId: 2 }))).toBe("ok");
  });

  it("nobody changes their own role or disables themselves", () => {
    expect(outcome(() => decideUserUpdate(team(), 10, { staffRoleId: 2 }))).toBe("OWN_ROLE staffRoleId");
    expect(outcome(() => decideUserUpdate(team(), 10, { disabled: true }))).toBe("OWN_ACCOUNT disabled");
    // Another manager may do it.
    expect(outcome(() => decideUserUpdate({ ...team(), actorId: 12 }, 10, { disabled: true }))).toBe("ok");
  });

  it("the last active manager can be neither moved nor disabled", () => {
    const f = facts([
      { id: 10, staffRoleId: 1, disabled: false },
      { id: 11, staffRoleId: 2, disabled: false },
      { id: 13, staffRoleId: 3, disabled: true },
    ]);
    expect(outcome(() => decideUserUpdate(f, 10, { staffRoleId: 2 }))).toBe("LAST_STAFF_MANAGER staffRoleId");
    expect(outcome(() => decideUserUpdate(f, 10, { disabled: true }))).toBe("LAST_STAFF_MANAGER disabled");
    expect(outcome(() => decideUserUpdate(f, 99, { disabled: true }))).toBe("NOT_FOUND id");
  });
});
