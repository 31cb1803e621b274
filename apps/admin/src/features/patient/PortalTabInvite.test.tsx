import { screen } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import type { PatientPageQuery } from "../../gql/graphql";
import { PortalTab } from "./PortalTab";

// Issue 13 item 4 on the Portal tab: a locked or expired invite is said beside the orange colour,
// and a held resend says when it becomes possible (the server decides: resendAvailableAt).
type PatientData = NonNullable<PatientPageQuery["patient"]>;

function invitedPatient(latestInvite: { state: string; expiresAt: string } | null, resendAvailableAt: string | null) {
  return {
    __typename: "Patient",
    id: "12",
    firstName: "Alice",
    lastName: "Tremblay",
    mrn: "MRN-12",
    email: "alice@example.com",
    dateOfBirth: "1990-04-02",
    language: "EN",
    active: true,
    portalStatus: "INVITED",
    linkableAccount: null,
    contacts: [],
    portalAccess: {
      __typename: "PortalGrant",
      id: "g1",
      accessType: "SELF",
      grantedAt: "2026-10-01T10:00:00.000Z",
      suspendedAt: null,
      portalRoleId: "1",
      // The server's answer: a resend is held until resendAvailableAt (rule 7).
      inviteAction: { __typename: "InviteAction", allowed: !resendAvailableAt, reason: resendAvailableAt ? "COOLDOWN" : null, availableAt: resendAvailableAt, resend: true },
      portalRole: { __typename: "PortalRole", id: "1", name: "Patient" },
      account: {
        __typename: "PortalAccount",
        id: "a7",
        email: "alice@example.com",
        pendingLoginEmail: null,
        pendingLoginEmailExpiresAt: null,
        signedUp: false,
        signedUpAt: null,
        lastSignInAt: null,
        lastInviteSentAt: "2026-10-01T10:00:00.000Z",
        disabled: false,
        lockedUntil: null,
        mustChangePassword: false,
        failedSignInCount: 0,
        inviteDeliveryFailedAt: null,
        inviteDeliveryFailureReason: null,
        resendAvailableAt,
        latestInvite: latestInvite ? { __typename: "PortalInvite", ...latestInvite } : null,
      },
      otherProfiles: [],
    },
  } as unknown as PatientData;
}

const roles = [{ __typename: "PortalRole" as const, id: "1", name: "Patient", accessTypes: ["SELF" as const] }];

describe("PortalTab: invite state", () => {
  it("says a locked invite beside the status, and offers the resend at once", () => {
    renderPage(<PortalTab patient={invitedPatient({ state: "LOCKED", expiresAt: "2026-10-08T10:00:00.000Z" }, null)} roles={roles} onChanged={jest.fn()} />);
    expect(screen.getByText("Invited")).toBeInTheDocument();
    expect(screen.getByText("Invite locked")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Resend invite" })).toBeEnabled();
    expect(screen.queryByText(/Resend available at/)).not.toBeInTheDocument();
  });

  it("says an expired invite, in French too", () => {
    renderPage(<PortalTab patient={invitedPatient({ state: "EXPIRED", expiresAt: "2026-10-08T10:00:00.000Z" }, null)} roles={roles} onChanged={jest.fn()} />, { language: "fr" });
    expect(screen.getByText("Invitation expirée")).toBeInTheDocument();
  });

  it("says when a held resend becomes possible", () => {
    const at = new Date(Date.now() + 4 * 60_000);
    renderPage(<PortalTab patient={invitedPatient({ state: "PENDING", expiresAt: "2099-10-08T10:00:00.000Z" }, at.toISOString())} roles={roles} onChanged={jest.fn()} />);
    expect(screen.getByRole("button", { name: "Resend invite" })).toBeDisabled();
    expect(screen.getByText(/^Resend available at \d{1,2}:\d{2}/)).toBeInTheDocument();
    expect(screen.queryByText(/Invite (locked|expired)/)).not.toBeInTheDocument();
  });
});
