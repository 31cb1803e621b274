import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import type { PatientPageQuery } from "../../gql/graphql";
import { ChangePortalLoginEmailDocument } from "./patient.documents";
import { PortalTab } from "./PortalTab";

type PatientData = NonNullable<PatientPageQuery["patient"]>;

const patient = {
  __typename: "Patient",
  id: "12",
  firstName: "Alice",
  lastName: "Tremblay",
  mrn: "MRN-12",
  email: "alice@example.com",
  dateOfBirth: "1990-04-02",
  language: "EN",
  active: true,
  portalStatus: "ACTIVE",
  linkableAccount: null,
  contacts: [],
  portalAccess: {
    __typename: "PortalGrant",
    id: "g1",
    accessType: "SELF",
    grantedAt: "2026-10-01T10:00:00.000Z",
    portalRoleId: "1",
    inviteAction: { __typename: "InviteAction", allowed: true, reason: null, availableAt: null, resend: false },
    portalRole: { __typename: "PortalRole", id: "1", name: "Patient" },
    account: {
      __typename: "PortalAccount",
      id: "a7",
      email: "alice@example.com",
      pendingLoginEmail: null,
      pendingLoginEmailExpiresAt: null,
      signedUp: true,
      signedUpAt: "2026-10-02T10:00:00.000Z",
      lastSignInAt: "2026-11-20T10:00:00.000Z",
      lastInviteSentAt: "2026-10-01T10:00:00.000Z",
      disabled: false,
      lockedUntil: null,
      mustChangePassword: false,
      failedSignInCount: 0,
      inviteDeliveryFailedAt: null,
      inviteDeliveryFailureReason: null,
    },
    otherProfiles: [],
  },
} as unknown as PatientData;

const roles = [{ __typename: "PortalRole" as const, id: "1", name: "Patient", accessTypes: ["SELF" as const] }];

const changeMock = (email: string, result: { account: { id: string; email: string; pendingLoginEmail: string | null; pendingLoginEmailExpiresAt: string | null } | null; userErrors: { code: string; field: string; message: string }[] }): MockLink.MockedResponse => ({
  request: { query: ChangePortalLoginEmailDocument, variables: { input: { accountId: "a7", email } } },
  result: {
    data: {
      changePortalLoginEmail: {
        __typename: "ChangePortalLoginEmailPayload",
        account: result.account ? { __typename: "PortalAccount", ...result.account } : null,
        userErrors: result.userErrors.map((e) => ({ __typename: "UserError", ...e })),
      },
    },
  },
});

describe("PortalTab login email", () => {
  it("keeps the pencil leading to the demographics, and asks the new address to confirm a login email change, errors at the field", async () => {
    const onChanged = jest.fn();
    renderPage(<PortalTab patient={patient} roles={roles} onChanged={onChanged} />, {
      mocks: [
        changeMock("bob@example.com", {
          account: null,
          userErrors: [{ code: "EMAIL_IN_USE", field: "email", message: "This email address is already the login of another portal account." }],
        }),
        changeMock("alice.new@example.com", {
          account: { id: "a7", email: "alice@example.com", pendingLoginEmail: "alice.new@example.com", pendingLoginEmailExpiresAt: "2026-11-21T10:00:00.000Z" },
          userErrors: [],
        }),
      ],
    });
    // Seed 000: the pencil opens the Demographics tab, where the email on file is edited.
    expect(screen.getByRole("link", { name: "Edit the email on file (demographics)" })).toHaveAttribute("href", "/patients/12/demographics");

    await userEvent.click(screen.getByRole("button", { name: "Change login email" }));
    const dialog = await screen.findByRole("dialog", { name: "Change the login email" });
    expect(within(dialog).getByText("The account currently signs in with alice@example.com.")).toBeInTheDocument();
    expect(within(dialog).getByText(/A confirmation link is sent to the new address/)).toBeInTheDocument();
    const field = within(dialog).getByRole("textbox", { name: /New login email/ });
    await userEvent.type(field, "bob@example.com");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send confirmation link" }));
    await waitFor(() => expect(field).toHaveAccessibleDescription("This email is already the login of another portal account."));
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(onChanged).not.toHaveBeenCalled();

    await userEvent.clear(field);
    await userEvent.type(field, "alice.new@example.com");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send confirmation link" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(await screen.findByText("A confirmation link was sent to alice.new@example.com. The login email changes once it is confirmed.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("shows a login email awaiting confirmation beside the one in force", () => {
    const pending = {
      ...patient,
      portalAccess: { ...patient.portalAccess!, account: { ...patient.portalAccess!.account, pendingLoginEmail: "alice.new@example.com", pendingLoginEmailExpiresAt: "2999-01-01T10:00:00.000Z" } },
    } as PatientData;
    renderPage(<PortalTab patient={pending} roles={roles} onChanged={() => undefined} />);
    expect(screen.getByText("alice@example.com")).toBeInTheDocument();
    expect(screen.getByText(/Awaiting confirmation: alice\.new@example\.com \(link valid until/)).toBeInTheDocument();
  });

  it("offers no change of login email without the permission to manage portal access", () => {
    renderPage(<PortalTab patient={patient} roles={roles} onChanged={() => undefined} />, { permissions: ["VIEW_PATIENTS", "EDIT_PATIENTS"] });
    expect(screen.getByText("alice@example.com")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Change login email" })).not.toBeInTheDocument();
  });
});
