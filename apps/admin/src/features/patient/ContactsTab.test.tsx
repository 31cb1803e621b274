import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import type { PatientPageQuery, StaffPermission } from "../../gql/graphql";
import { CreateContactDocument, EditContactDocument } from "./contacts.documents";
import { ContactsTab } from "./ContactsTab";

type PatientData = NonNullable<PatientPageQuery["patient"]>;
type ContactData = PatientData["contacts"][number];

const account = {
  __typename: "PortalAccount",
  id: "a9",
  email: "gail@example.com",
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
  resendAvailableAt: null,
  latestInvite: null,
};

const gail = {
  __typename: "Contact",
  id: "31",
  firstName: "Gail",
  lastName: "Guardian",
  relationship: "GUARDIAN",
  email: "gail@example.com",
  phone: "514 555 0199",
  dateOfBirth: null,
  language: "EN",
  active: true,
  portalGrant: {
    __typename: "PortalGrant",
    id: "g9",
    accessType: "PROXY",
    grantedAt: "2026-10-01T10:00:00.000Z",
    suspendedAt: null,
    portalRoleId: "2",
    inviteAction: { __typename: "InviteAction", allowed: true, reason: null, availableAt: null, resend: false },
    portalRole: { __typename: "PortalRole", id: "2", name: "Family" },
    account,
    otherProfiles: [],
  },
} as unknown as ContactData;

const paul = {
  __typename: "Contact",
  id: "32",
  firstName: "Paul",
  lastName: "Physician",
  relationship: "PHYSICIAN",
  email: null,
  phone: null,
  dateOfBirth: null,
  language: "EN",
  active: true,
  portalGrant: null,
} as unknown as ContactData;

function patientWith(contacts: ContactData[]): PatientData {
  return {
    __typename: "Patient",
    id: "12",
    firstName: "Alice",
    lastName: "Tremblay",
    mrn: "MRN-12",
    email: "alice@example.com",
    dateOfBirth: "2012-04-02",
    language: "EN",
    active: true,
    portalStatus: "NO_ACCESS",
    portalAccess: null,
    linkableAccount: null,
    contacts,
  } as unknown as PatientData;
}

const roles = [{ __typename: "PortalRole" as const, id: "2", name: "Family", accessTypes: ["PROXY" as const] }];
const contactFields = (c: Record<string, unknown>) => ({ __typename: "Contact", active: true, phone: null, email: null, language: "EN", ...c });

function renderTab(contacts: ContactData[], mocks: MockLink.MockedResponse[], options: { language?: "en" | "fr"; permissions?: StaffPermission[] } = {}) {
  const onChanged = jest.fn();
  renderPage(<ContactsTab patient={patientWith(contacts)} roles={roles} onChanged={onChanged} />, { mocks, ...options });
  return { onChanged };
}

describe("Contacts tab: adding and editing contacts", () => {
  it("adds a guardian who is not on file yet, from an empty record, as a clinician who manages portal access", async () => {
    const input = { patientId: "12", firstName: "Gail", lastName: "Guardian", relationship: "GUARDIAN", language: "FR", email: "gail@example.com", phone: "+1 514 555 0199" };
    let sent = 0;
    const { onChanged } = renderTab([], [
      {
        request: { query: CreateContactDocument, variables: { input } },
        result: () => {
          sent++;
          return {
            data: { createContact: { __typename: "CreateContactPayload", contact: contactFields({ id: "31", ...input, patientId: undefined }), userErrors: [] } },
          };
        },
      },
    ], { permissions: ["VIEW_PATIENTS", "MANAGE_PORTAL_ACCESS"] });
    expect(screen.getByText("No contact on this record.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Add contact" }));
    const dialog = screen.getByRole("dialog", { name: "Add a contact to Alice Tremblay's record" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: "First name" }), "Gail");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Last name" }), "Guardian");
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Relationship to the patient/ }));
    await userEvent.click(screen.getByRole("option", { name: "Guardian" }));
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Preferred language/ }));
    await userEvent.click(screen.getByRole("option", { name: "Français" }));
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Email" }), "gail@example.com");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Phone" }), "+1 514 555 0199");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add contact" }));
    expect(await screen.findByText("Gail Guardian was added to the contacts.")).toBeInTheDocument();
    expect(sent).toBe(1);
    expect(onChanged).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // Two MUI selects and six fields typed key by key: slow in jsdom on a shared machine.
  }, 60_000);

  it("checks names and the email with the shared rule before sending anything", async () => {
    renderTab([], []);
    await userEvent.click(screen.getByRole("button", { name: "Add contact" }));
    const dialog = screen.getByRole("dialog");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Email" }), "gail@example.com.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add contact" }));
    expect(within(dialog).getByRole("textbox", { name: /First name/ })).toHaveAccessibleDescription("Required.");
    expect(within(dialog).getByRole("textbox", { name: "Email" })).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByRole("textbox", { name: "Email" }).getAttribute("aria-describedby")).toBeTruthy();
    expect(within(dialog).getByText(/dot/i)).toBeInTheDocument();
  });

  it("gives Paul Physician an email so that portal access can be granted", async () => {
    const input = { id: "32", firstName: "Paul", lastName: "Physician", relationship: "PHYSICIAN", language: "EN", email: "paul@clinic.example", phone: "" };
    renderTab([paul], [
      {
        request: { query: EditContactDocument, variables: { input } },
        result: { data: { updateContact: { __typename: "UpdateContactPayload", contact: contactFields({ ...input, phone: null }), loginEmailChange: null, userErrors: [] } } },
      },
    ]);
    const row = screen.getByTestId("contact-32");
    expect(within(row).getByRole("button", { name: "Add portal access" })).toBeDisabled();
    expect(within(row).getByText("Add an email (Edit) to give portal access.")).toBeInTheDocument();
    await userEvent.click(within(row).getByRole("button", { name: "Edit Paul Physician" }));
    const dialog = screen.getByRole("dialog", { name: "Edit contact: Paul Physician" });
    expect(within(dialog).queryByText(/signs in to the portal/)).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Email" }), "paul@clinic.example");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Contact saved.")).toBeInTheDocument();
  });

  it("says what a new email does to the login of a contact holding access, and what the server did", async () => {
    const input = { id: "31", firstName: "Gail", lastName: "Guardian", relationship: "GUARDIAN", language: "EN", email: "gail.new@example.com", phone: "514 555 0199" };
    renderTab([gail], [
      {
        request: { query: EditContactDocument, variables: { input } },
        result: { data: { updateContact: { __typename: "UpdateContactPayload", contact: contactFields(input), loginEmailChange: "REQUESTED", userErrors: [] } } },
      },
    ]);
    await userEvent.click(screen.getByRole("button", { name: "Edit Gail Guardian" }));
    const dialog = screen.getByRole("dialog", { name: "Edit contact: Gail Guardian" });
    expect(within(dialog).getByText(/Gail Guardian signs in to the portal as gail@example.com\. A new email here is sent a link to confirm it/)).toBeInTheDocument();
    const email = within(dialog).getByRole("textbox", { name: "Email" });
    await userEvent.clear(email);
    await userEvent.type(email, "gail.new@example.com");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Contact saved. A confirmation link was sent to gail.new@example.com; the portal login changes once it is confirmed.")).toBeInTheDocument();
  });

  it("shows a server refusal at its field, in French, and keeps the dialog open", async () => {
    const input = { id: "31", firstName: "Gail", lastName: "Guardian", relationship: "GUARDIAN", language: "EN", email: "taken@example.com", phone: "514 555 0199" };
    renderTab(
      [gail],
      [
        {
          request: { query: EditContactDocument, variables: { input } },
          result: {
            data: {
              updateContact: {
                __typename: "UpdateContactPayload",
                contact: null,
                loginEmailChange: null,
                userErrors: [{ __typename: "UserError", code: "EMAIL_IN_USE", field: "email", message: "This email address is already the login of another portal account." }],
              },
            },
          },
        },
      ],
      { language: "fr" },
    );
    expect(screen.getByText("514 555 0199")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Modifier Gail Guardian" }));
    const dialog = screen.getByRole("dialog", { name: "Modifier le contact : Gail Guardian" });
    const email = within(dialog).getByRole("textbox", { name: "Courriel" });
    await userEvent.clear(email);
    await userEvent.type(email, "taken@example.com");
    await userEvent.click(within(dialog).getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(email).toHaveAccessibleDescription("Ce courriel est déjà l'identifiant d'un autre compte du portail."));
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });

  it("offers no add or edit to staff who neither edit patients nor manage portal access", () => {
    renderTab([paul], [], { permissions: ["VIEW_PATIENTS"] });
    expect(screen.queryByRole("button", { name: "Add contact" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Edit/ })).not.toBeInTheDocument();
  });
});
