import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import type { PatientPageQuery } from "../../gql/graphql";
import { EnablePortalAccessDocument } from "../access/access.documents";
import { DemographicsTab } from "./DemographicsTab";
import { PortalTab } from "./PortalTab";

type PatientData = NonNullable<PatientPageQuery["patient"]>;

const grant = {
  __typename: "PortalGrant",
  id: "g1",
  accessType: "SELF",
  grantedAt: "2026-10-01T10:00:00.000Z",
  suspendedAt: "2026-11-30T09:00:00.000Z",
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
};
const base = {
  __typename: "Patient",
  id: "12",
  firstName: "Alice",
  lastName: "Tremblay",
  mrn: "MRN-12",
  email: "alice@example.com",
  dateOfBirth: "1990-04-02",
  language: "EN",
  portalStatus: "NO_ACCESS",
  linkableAccount: null,
  contacts: [],
  portalAccess: grant,
};
const roles = [{ __typename: "PortalRole" as const, id: "1", name: "Patient", accessTypes: ["SELF" as const] }];

describe("Portal tab of an inactive patient (rule 18)", () => {
  it("says the record is inactive and the access suspended, with nothing to resume yet", () => {
    renderPage(<PortalTab patient={{ ...base, active: false } as unknown as PatientData} roles={roles} onChanged={() => undefined} />);
    expect(screen.getByText(/This record is inactive \(discharged, deceased or merged\)/)).toBeInTheDocument();
    expect(screen.getByText("Access suspended")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Resume access" })).not.toBeInTheDocument();
  });

  it("offers to resume a suspended access once the record is active again, with the grant's role", async () => {
    const onChanged = jest.fn();
    renderPage(<PortalTab patient={{ ...base, active: true } as unknown as PatientData} roles={roles} onChanged={onChanged} />, {
      mocks: [
        {
          request: { query: EnablePortalAccessDocument, variables: { input: { patientId: "12", portalRoleId: "1" } } },
          result: {
            data: {
              enablePortalAccess: {
                __typename: "EnablePortalAccessPayload",
                grant: { __typename: "PortalGrant", id: "g1" },
                account: { __typename: "PortalAccount", id: "a7", email: "alice@example.com" },
                patient: { __typename: "Patient", id: "12", portalStatus: "ACTIVE" },
                userErrors: [],
              },
            },
          },
        },
      ],
    });
    expect(screen.getByText(/Access was suspended on .* while the record was inactive/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Resume access" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(await screen.findByText("Portal access resumed.")).toBeInTheDocument();
  });
});

describe("the shared email rule in the admin", () => {
  it.each([
    ["alice\u00ADsmith@example.com", /invisible character/],
    ["alice@example.com.", /must not end with a dot/],
    ['"alice"@example.com', /Quotes, brackets/],
  ])("refuses %j at the field before anything is sent", async (typed, message) => {
    const onChanged = jest.fn();
    renderPage(<DemographicsTab patient={{ ...base, active: true } as unknown as PatientData} onChanged={onChanged} />, { permissions: ["VIEW_PATIENTS", "EDIT_PATIENTS"] });
    const field = screen.getByRole("textbox", { name: /Email on file/ });
    await userEvent.clear(field);
    await userEvent.type(field, typed);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(message));
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("says it in French too", async () => {
    renderPage(<DemographicsTab patient={{ ...base, active: true } as unknown as PatientData} onChanged={() => undefined} />, { permissions: ["VIEW_PATIENTS", "EDIT_PATIENTS"], language: "fr" });
    const field = screen.getByRole("textbox", { name: /Courriel au dossier/ });
    await userEvent.clear(field);
    await userEvent.type(field, "alice@example.com.");
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/ne doit pas finir par un point/));
  });
});
