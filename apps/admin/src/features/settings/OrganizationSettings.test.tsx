import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import { PortalRolesDocument } from "../access/access.documents";
import { OrganizationSettings } from "./OrganizationSettings";
import { OrganizationSettingsDocument, UpdateOrganizationSettingsDocument } from "./settings.documents";

const org = {
  __typename: "Organization" as const,
  id: "1",
  name: "Riverside Clinic",
  inviteMethod: "LINK" as const,
  inviteLinkTtlHours: 168,
  resendCooldownMinutes: 5,
  defaultPortalRoleId: "1",
  defaultLanguage: "EN" as const,
  accessRemovedEmail: true,
  inviteReminderDays: [3, 10],
};

describe("OrganizationSettings: the Access removed email", () => {
  it("is on by default and can be turned off", async () => {
    let sent: unknown = null;
    renderPage(<OrganizationSettings />, {
      mocks: [
        { request: { query: OrganizationSettingsDocument }, result: { data: { viewer: { __typename: "Viewer", organization: org } } } },
        { request: { query: PortalRolesDocument }, result: { data: { portalRoles: [{ __typename: "PortalRole", id: "1", name: "Patient", accessTypes: ["SELF"], permissions: [] }] } } },
        {
          request: {
            query: UpdateOrganizationSettingsDocument,
            variables: (variables) => {
              sent = variables.input;
              return true;
            },
          },
          result: { data: { updateOrganizationSettings: { __typename: "UpdateOrganizationSettingsPayload", organization: { ...org, accessRemovedEmail: false }, userErrors: [] } } },
        },
      ],
    });
    const toggle = await screen.findByRole("switch", { name: /Access removed/ });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent).toMatchObject({ accessRemovedEmail: false }));
  });
});

describe("OrganizationSettings: the invite reminder schedule (rule 23)", () => {
  it("shows the days, sends the edited ones and says why the server refused them", async () => {
    const sent: unknown[] = [];
    const refusal = { __typename: "UserError" as const, code: "INVALID_INPUT" as const, field: "inviteReminderDays", message: "List the days in increasing order, each once." };
    renderPage(<OrganizationSettings />, {
      mocks: [
        { request: { query: OrganizationSettingsDocument }, result: { data: { viewer: { __typename: "Viewer", organization: org } } } },
        { request: { query: PortalRolesDocument }, result: { data: { portalRoles: [{ __typename: "PortalRole", id: "1", name: "Patient", accessTypes: ["SELF"], permissions: [] }] } } },
        {
          request: {
            query: UpdateOrganizationSettingsDocument,
            variables: (variables) => {
              sent.push(variables.input);
              return true;
            },
          },
          result: { data: { updateOrganizationSettings: { __typename: "UpdateOrganizationSettingsPayload", organization: null, userErrors: [refusal] } } },
        },
      ],
    });
    const field = await screen.findByRole("textbox", { name: /Invite reminders/ });
    expect(field).toHaveValue("3, 10");
    await userEvent.clear(field);
    await userEvent.type(field, "7, 2");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent[0]).toMatchObject({ inviteReminderDays: [7, 2] }));
    // The server's refusal is shown on the field itself.
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
  });
});
