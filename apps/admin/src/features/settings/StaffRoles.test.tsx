import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import { SettingsPage } from "./SettingsPage";
import { StaffRolesDocument } from "./settings.documents";

// The signed-in member (staff role "1") holds these; "2" is another role that already has VIEW_AUDIT_LOG.
const HELD = ["MANAGE_STAFF", "VIEW_PATIENTS"] as const;
const roles: MockLink.MockedResponse = {
  request: { query: StaffRolesDocument },
  result: {
    data: {
      staffRoles: [
        { __typename: "StaffRole", id: "1", name: "Managers", permissions: [...HELD] },
        { __typename: "StaffRole", id: "2", name: "Auditors", permissions: ["VIEW_AUDIT_LOG"] },
      ],
    },
  },
};

function open(name: string) {
  return async () => {
    await userEvent.click(await screen.findByRole("button", { name: `Edit ${name}` }));
    return screen.findByRole("dialog", { name: "Edit role" });
  };
}

describe("Settings › Staff roles", () => {
  it("disables the permissions the member does not hold, saying why, but lets a role keep or lose one it has", async () => {
    renderPage(<SettingsPage />, { mocks: [roles], permissions: [...HELD], path: "/settings/:tab", url: "/settings/staffRoles" });
    const dialog = await open("Auditors")();
    expect(within(dialog).getByRole("checkbox", { name: /^View patients/ })).toBeEnabled();
    // Already in the role: it may be removed.
    expect(within(dialog).getByRole("checkbox", { name: /^Read the audit log/ })).toBeEnabled();
    const edit = within(dialog).getByRole("checkbox", { name: /^Edit patients and contacts/ });
    expect(edit).toBeDisabled();
    expect(edit.closest("label")).toHaveTextContent("You don't hold this permission, so you cannot give it.");
    expect(within(dialog).getByRole("checkbox", { name: /^Manage API keys/i })).toBeDisabled();
  });

  it("locks every permission of the member's own role, with the reason once", async () => {
    renderPage(<SettingsPage />, { mocks: [roles], permissions: [...HELD], path: "/settings/:tab", url: "/settings/staffRoles", language: "fr" });
    await userEvent.click(await screen.findByRole("button", { name: "Modifier Managers" }));
    const dialog = await screen.findByRole("dialog", { name: "Modifier le rôle" });
    expect(within(dialog).getByText(/C'est votre propre rôle/)).toBeInTheDocument();
    for (const box of within(dialog).getAllByRole("checkbox")) expect(box).toBeDisabled();
    // The name stays editable.
    expect(within(dialog).getByRole("textbox", { name: /Nom/ })).toBeEnabled();
  });
});
