import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import type { StaffMembersQuery } from "../../gql/graphql";
import { StaffMembersSettings } from "./StaffMembersSettings";
import { InviteStaffUserDocument, StaffMembersDocument, UpdateStaffMemberDocument } from "./staff-members.documents";

type Member = StaffMembersQuery["staffUsers"][number];

// The signed-in member is user "1" in role "1" (see test/render.tsx) and holds these permissions.
const HELD = ["MANAGE_STAFF", "VIEW_PATIENTS", "MANAGE_PORTAL_ACCESS"] as const;
const HOUR = 3600_000;

function member(id: string, name: string, overrides: Partial<Member> = {}): Member {
  return {
    __typename: "StaffUser",
    id,
    name,
    email: `${name.split(" ")[0].toLowerCase()}@demo.clinic`,
    language: "EN",
    staffRoleId: "2",
    disabled: false,
    lastSignInAt: "2026-11-20T08:00:00.000Z",
    lockedUntil: null,
    mfaEnabled: false,
    invitePending: false,
    inviteSentAt: null,
    inviteExpiresAt: null,
    ...overrides,
  };
}

const roles: StaffMembersQuery["staffRoles"] = [
  { __typename: "StaffRole", id: "1", name: "Managers", permissions: [...HELD] },
  { __typename: "StaffRole", id: "2", name: "Front desk", permissions: ["MANAGE_PORTAL_ACCESS", "VIEW_PATIENTS"] },
  {
    __typename: "StaffRole",
    id: "3",
    name: "Administrators",
    permissions: ["MANAGE_STAFF", "VIEW_PATIENTS", "MANAGE_API_KEYS", "VIEW_AUDIT_LOG"],
  },
];

const members = [
  member("1", "Fran Frontdesk", { staffRoleId: "1", mfaEnabled: true }),
  member("2", "Rita Reception", {
    invitePending: true,
    lastSignInAt: null,
    inviteSentAt: new Date().toISOString(),
    inviteExpiresAt: new Date(Date.now() + 72 * HOUR).toISOString(),
  }),
  member("3", "Oscar Old", {
    invitePending: true,
    lastSignInAt: null,
    inviteSentAt: "2026-01-01T08:00:00.000Z",
    inviteExpiresAt: "2026-01-04T08:00:00.000Z",
  }),
  member("4", "Lou Locked", { lockedUntil: new Date(Date.now() + HOUR).toISOString(), mfaEnabled: true }),
  member("5", "Dee Disabled", { disabled: true }),
];

const list = (rows: Member[] = members): MockLink.MockedResponse => ({
  request: { query: StaffMembersDocument },
  result: { data: { staffUsers: rows, staffRoles: roles } },
});

function render(mocks: MockLink.MockedResponse[], language: "en" | "fr" = "en") {
  return renderPage(<StaffMembersSettings />, { mocks, permissions: [...HELD], language });
}

const rowOf = async (name: string) => (await screen.findByText(name)).closest("tr")!;

describe("Settings › Staff members", () => {
  it("lists each member's role, state, two-step sign-in and last sign-in", async () => {
    render([list()]);
    const table = await screen.findByRole("table", { name: "Staff members" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Name", "Email", "Role", "Status", "Two-step sign-in", "Last sign-in", "Actions"]);
    const me = await rowOf("Fran Frontdesk");
    expect(me).toHaveTextContent("Managers");
    expect(me).toHaveTextContent("You");
    expect(me).toHaveTextContent("On");
    expect(await rowOf("Rita Reception")).toHaveTextContent(/Invited, until .*Off.*Never/);
    expect(await rowOf("Oscar Old")).toHaveTextContent("Invitation expired");
    const locked = await rowOf("Lou Locked");
    expect(locked).toHaveTextContent(/Locked until/);
    expect(within(locked).getByRole("button", { name: "Unlock" })).toBeInTheDocument();
    expect(await rowOf("Dee Disabled")).toHaveTextContent("Disabled");
    // Only a locked member offers Unlock.
    expect(within(await rowOf("Rita Reception")).queryByRole("button", { name: "Unlock" })).toBeNull();
  });

  it("in French too", async () => {
    render([list()], "fr");
    await screen.findByRole("table", { name: "Membres du personnel" });
    expect(await rowOf("Oscar Old")).toHaveTextContent("Invitation expirée");
    expect(await rowOf("Dee Disabled")).toHaveTextContent("Désactivé");
    expect(screen.getByRole("button", { name: "Inviter un membre" })).toBeInTheDocument();
  });

  it("invites a member; a role holding permissions the manager lacks is disabled, saying which; an email in use is shown at its field", async () => {
    const input = { name: "Nina Nurse", email: "nina@demo.clinic", staffRoleId: "2", language: "EN" };
    render([
      list(),
      {
        request: { query: InviteStaffUserDocument, variables: { input } },
        result: {
          data: {
            inviteStaffUser: {
              __typename: "InviteStaffUserPayload",
              staffUser: null,
              userErrors: [{ __typename: "UserError", code: "EMAIL_IN_USE", field: "email", message: "x" }],
            },
          },
        },
      },
      {
        request: { query: InviteStaffUserDocument, variables: { input: { ...input, email: "nina.n@demo.clinic" } } },
        result: {
          data: {
            inviteStaffUser: {
              __typename: "InviteStaffUserPayload",
              staffUser: { __typename: "StaffUser", id: "9", email: "nina.n@demo.clinic" },
              userErrors: [],
            },
          },
        },
      },
      list([
        ...members,
        member("9", "Nina Nurse", { invitePending: true, inviteExpiresAt: new Date(Date.now() + 72 * HOUR).toISOString() }),
      ]),
    ]);
    await userEvent.click(await screen.findByRole("button", { name: "Invite a member" }));
    const dialog = await screen.findByRole("dialog", { name: "Invite a staff member" });
    // Pasted rather than typed key by key: the dialog's behaviour is under test, not the keyboard.
    await userEvent.click(within(dialog).getByRole("textbox", { name: /Name/ }));
    await userEvent.paste("Nina Nurse");
    await userEvent.click(within(dialog).getByRole("textbox", { name: /Email/ }));
    await userEvent.paste("nina@demo.clinic");
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Role/ }));
    const admins = await screen.findByRole("option", { name: /Administrators/ });
    expect(admins).toHaveAttribute("aria-disabled", "true");
    expect(admins).toHaveTextContent("Has permissions you do not hold: Manage API keys, Read the audit log");
    await userEvent.click(screen.getByRole("option", { name: /Front desk/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Send the invitation" }));
    expect(await within(dialog).findByText("A staff member already signs in with this email.")).toBeInTheDocument();
    const email = within(dialog).getByRole("textbox", { name: /Email/ });
    expect(email).toHaveAttribute("aria-invalid", "true");
    await userEvent.clear(email);
    await userEvent.paste("nina.n@demo.clinic");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send the invitation" }));
    expect(await screen.findByText("Invitation sent to nina.n@demo.clinic.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await rowOf("Nina Nurse")).toHaveTextContent(/Invited, until/);
  });

  it("explains why the member cannot change their own role or disable themselves", async () => {
    render([list()]);
    await userEvent.click(await screen.findByRole("button", { name: "Actions for Fran Frontdesk" }));
    const menu = await screen.findByRole("menu");
    const change = within(menu).getByRole("menuitem", { name: /Change role/ });
    expect(change).toHaveAttribute("aria-disabled", "true");
    expect(change).toHaveTextContent("You cannot change your own role");
    expect(within(menu).getByRole("menuitem", { name: /Disable/ })).toHaveTextContent("You cannot disable your own account.");
    expect(within(menu).getByRole("menuitem", { name: /Reset two-step sign-in/ })).toHaveAttribute("aria-disabled", "true");
  });

  it("disables a member only after a confirmation, and shows the server's refusal in the dialog", async () => {
    render([
      list(),
      {
        request: { query: UpdateStaffMemberDocument, variables: { input: { id: "4", disabled: true } } },
        result: {
          data: {
            updateStaffUser: {
              __typename: "UpdateStaffUserPayload",
              staffUser: null,
              userErrors: [{ __typename: "UserError", code: "LAST_STAFF_MANAGER", field: "disabled", message: "x" }],
            },
          },
        },
      },
    ]);
    await userEvent.click(await screen.findByRole("button", { name: "Actions for Lou Locked" }));
    await userEvent.click(within(await screen.findByRole("menu")).getByRole("menuitem", { name: /Disable/ }));
    const dialog = await screen.findByRole("dialog", { name: "Disable Lou Locked?" });
    expect(dialog).toHaveTextContent("any open session stops working at once");
    await userEvent.click(within(dialog).getByRole("button", { name: "Disable" }));
    expect(await within(dialog).findByText("This would leave no active member able to manage staff.")).toBeInTheDocument();
  });

  it("changes a member's role among the roles the manager may give", async () => {
    render([
      list(),
      {
        request: { query: UpdateStaffMemberDocument, variables: { input: { id: "5", staffRoleId: "1" } } },
        result: {
          data: {
            updateStaffUser: {
              __typename: "UpdateStaffUserPayload",
              staffUser: { __typename: "StaffUser", id: "5", staffRoleId: "1", disabled: true },
              userErrors: [],
            },
          },
        },
      },
      list(members.map((m) => (m.id === "5" ? { ...m, staffRoleId: "1" } : m))),
    ]);
    await userEvent.click(await screen.findByRole("button", { name: "Actions for Dee Disabled" }));
    await userEvent.click(within(await screen.findByRole("menu")).getByRole("menuitem", { name: /Change role/ }));
    const dialog = await screen.findByRole("dialog", { name: "Change the role of Dee Disabled" });
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Role/ }));
    expect(await screen.findByRole("option", { name: /Administrators/ })).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(screen.getByRole("option", { name: /Managers/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Role changed.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
