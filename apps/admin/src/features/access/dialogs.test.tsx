import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import { AddPortalAccessDialog } from "./AddPortalAccessDialog";
import { ChangeRoleDialog } from "./ChangeRoleDialog";
import { ChangePortalRoleDocument, EnablePortalAccessDocument, GrantContactPortalAccessDocument } from "./access.documents";

const roles = [
  { id: "1", name: "Patient", accessTypes: ["SELF" as const] },
  { id: "2", name: "Family", accessTypes: ["PROXY" as const] },
  { id: "3", name: "Physician", accessTypes: ["PROXY" as const] },
];

const emailInUse = {
  __typename: "UserError" as const,
  code: "EMAIL_IN_USE",
  field: "email",
  message: "This email address is already the login of another portal account.",
};

describe("AddPortalAccessDialog", () => {
  it("prefills the email on file, offers only roles for the patient's own access, and shows EMAIL_IN_USE at the email field", async () => {
    const onGranted = jest.fn();
    renderPage(
      <AddPortalAccessDialog
        open
        onClose={() => undefined}
        name="Alice Tremblay"
        target={{ kind: "patient", patientId: "7" }}
        emailOnFile="alice@example.com"
        roles={roles}
        defaultRoleId="1"
        onGranted={onGranted}
      />,
      {
        mocks: [
          {
            request: {
              query: EnablePortalAccessDocument,
              variables: { input: { patientId: "7", email: "alice@example.com", portalRoleId: "1", sendInvite: true } },
            },
            result: {
              data: {
                enablePortalAccess: {
                  __typename: "EnablePortalAccessPayload",
                  grant: null,
                  account: null,
                  patient: null,
                  userErrors: [emailInUse],
                },
              },
            },
          },
        ],
      },
    );
    const email = screen.getByRole("textbox", { name: /Login email/ });
    expect(email).toHaveValue("alice@example.com");
    await userEvent.click(screen.getByRole("combobox", { name: /Portal role/ }));
    expect(screen.getByRole("option", { name: "Patient" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Family" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");

    await userEvent.click(screen.getByRole("button", { name: "Grant access" }));
    await waitFor(() => expect(email).toHaveAccessibleDescription("This email is already the login of another portal account."));
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(onGranted).not.toHaveBeenCalled();
  });

  it("keeps the login email of an existing account locked", () => {
    renderPage(
      <AddPortalAccessDialog
        open
        onClose={() => undefined}
        name="Noah Martin"
        target={{ kind: "contact", contactId: "4" }}
        emailOnFile="noah@work.example"
        lockedEmail="noah@home.example"
        roles={roles}
        onGranted={() => undefined}
      />,
    );
    const email = screen.getByRole("textbox", { name: /Login email/ });
    expect(email).toHaveValue("noah@home.example");
    expect(email).toBeDisabled();
    expect(screen.getByText("This person already has a portal account; its login email is used.")).toBeInTheDocument();
  });

  it("offers to link a contact to the proxy account that already uses the email, and links on request", async () => {
    const onGranted = jest.fn();
    const base = { contactId: "4", email: "parent@example.org", portalRoleId: "2", sendInvite: true };
    renderPage(
      <AddPortalAccessDialog
        open
        onClose={() => undefined}
        name="Noah Martin"
        target={{ kind: "contact", contactId: "4" }}
        emailOnFile="parent@example.org"
        roles={roles}
        onGranted={onGranted}
      />,
      {
        mocks: [
          {
            request: { query: GrantContactPortalAccessDocument, variables: { input: base } },
            result: {
              data: {
                grantContactPortalAccess: {
                  __typename: "GrantContactPortalAccessPayload",
                  grant: null,
                  account: null,
                  userErrors: [emailInUse],
                },
              },
            },
          },
          {
            request: { query: GrantContactPortalAccessDocument, variables: { input: { ...base, linkExistingAccount: true } } },
            result: {
              data: {
                grantContactPortalAccess: {
                  __typename: "GrantContactPortalAccessPayload",
                  grant: { __typename: "PortalGrant", id: "g1" },
                  account: { __typename: "PortalAccount", id: "a1", email: "parent@example.org" },
                  userErrors: [],
                },
              },
            },
          },
        ],
      },
    );
    await userEvent.click(screen.getByRole("button", { name: "Grant access" }));
    await userEvent.click(await screen.findByRole("button", { name: "Link to the existing account instead" }));
    await waitFor(() => expect(onGranted).toHaveBeenCalledWith("parent@example.org"));
  });
});

describe("ChangeRoleDialog", () => {
  it("changes a proxy's role among the roles that apply to proxies", async () => {
    const onChanged = jest.fn();
    renderPage(
      <ChangeRoleDialog
        open
        onClose={() => undefined}
        grant={{ id: "g5", accessType: "PROXY", portalRoleId: "2", roleName: "Family" }}
        roles={roles}
        onChanged={onChanged}
      />,
      {
        mocks: [
          {
            request: { query: ChangePortalRoleDocument, variables: { input: { grantId: "g5", portalRoleId: "3" } } },
            result: {
              data: {
                changePortalRole: {
                  __typename: "ChangePortalRolePayload",
                  grant: {
                    __typename: "PortalGrant",
                    id: "g5",
                    portalRoleId: "3",
                    portalRole: { __typename: "PortalRole", id: "3", name: "Physician" },
                  },
                  userErrors: [],
                },
              },
            },
          },
        ],
      },
    );
    expect(screen.getByText("Current role: Family")).toBeInTheDocument();
    const save = screen.getByRole("button", { name: "Save" });
    expect(save).toBeDisabled();
    await userEvent.click(screen.getByRole("combobox", { name: /Portal role/ }));
    expect(screen.queryByRole("option", { name: "Patient" })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("option", { name: "Physician" }));
    await userEvent.click(save);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith("Physician"));
  });

  it("shows ROLE_NOT_APPLICABLE at the role field and keeps the dialog open", async () => {
    const onChanged = jest.fn();
    renderPage(
      <ChangeRoleDialog
        open
        onClose={() => undefined}
        grant={{ id: "g5", accessType: "PROXY", portalRoleId: "2", roleName: "Family" }}
        roles={roles}
        onChanged={onChanged}
      />,
      {
        language: "fr",
        mocks: [
          {
            request: { query: ChangePortalRoleDocument, variables: { input: { grantId: "g5", portalRoleId: "3" } } },
            result: {
              data: {
                changePortalRole: {
                  __typename: "ChangePortalRolePayload",
                  grant: null,
                  userErrors: [
                    { __typename: "UserError", code: "ROLE_NOT_APPLICABLE", field: "portalRoleId", message: "Role does not apply." },
                  ],
                },
              },
            },
          },
        ],
      },
    );
    await userEvent.click(screen.getByRole("combobox", { name: /Rôle du portail/ }));
    await userEvent.click(screen.getByRole("option", { name: "Physician" }));
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Ce rôle ne s'applique pas à ce type d'accès.")).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });
});
