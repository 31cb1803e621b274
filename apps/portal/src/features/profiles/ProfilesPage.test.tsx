import { screen, within } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import type { PortalViewer } from "../../auth/RequireAccount";
import { ProfilesPage } from "./ProfilesPage";

const viewer: PortalViewer = {
  organizationName: "Riverside Clinic",
  account: { id: "1", email: "parent@example.com", language: "EN", mustChangePassword: false, needsDateOfBirth: false },
  profiles: [
    {
      id: "g1",
      accessType: "PROXY",
      isAccountHolder: false,
      patient: { id: "p1", firstName: "Léa", lastName: "Martin" },
      role: { name: "Family", permissions: ["VIEW_DEMOGRAPHICS", "VIEW_APPOINTMENTS"] },
      demographics: { dateOfBirth: "2015-03-09", email: null },
      appointments: [],
      documents: null,
      statements: null,
    },
    {
      id: "g2",
      accessType: "PROXY",
      isAccountHolder: false,
      patient: { id: "p2", firstName: "Hugo", lastName: "Martin" },
      role: { name: "Billing contact", permissions: ["VIEW_BILLING"] },
      demographics: null,
      appointments: null,
      documents: null,
      statements: [{ id: "s1", issuedOn: "2026-10-01" }],
    },
  ],
};

describe("ProfilesPage", () => {
  it("shows one card per patient, with only the sections the server sent for the role", () => {
    renderPage(<ProfilesPage viewer={viewer} />);
    expect(screen.getByText(/Riverside Clinic · Signed in as parent@example.com/)).toBeInTheDocument();
    const lea = screen.getByRole("region", { name: "Léa Martin" });
    expect(within(lea).getByText("March 9, 2015")).toBeInTheDocument();
    expect(within(lea).getByText("Not on file")).toBeInTheDocument();
    expect(within(lea).getByRole("heading", { name: "Appointments" })).toBeInTheDocument();
    expect(within(lea).getByText("Nothing to show yet.")).toBeInTheDocument();
    expect(within(lea).queryByRole("heading", { name: "Statements" })).not.toBeInTheDocument();
    const hugo = screen.getByRole("region", { name: "Hugo Martin" });
    expect(within(hugo).queryByText("Date of birth")).not.toBeInTheDocument();
    expect(within(hugo).getByText("Issued October 1, 2026")).toBeInTheDocument();
    expect(within(hugo).getByText("See statements and balances")).toBeInTheDocument();
    expect(within(hugo).getByText("Role: Billing contact")).toBeInTheDocument();
  });

  it("reads a sibling linked to this login as that patient's profile, not the holder's own (rule 4)", () => {
    const self = (id: string, firstName: string, isAccountHolder: boolean) => ({
      id,
      accessType: "SELF" as const,
      isAccountHolder,
      patient: { id: `p${id}`, firstName, lastName: "Martin" },
      role: { name: "Patient", permissions: [] },
      demographics: null,
      appointments: null,
      documents: null,
      statements: null,
    });
    const family = { ...viewer, profiles: [self("1", "Anne", true), self("2", "Léa", false)] };
    const { unmount } = renderPage(<ProfilesPage viewer={family} />);
    expect(within(screen.getByRole("region", { name: "Anne Martin" })).getByText("Your own profile")).toBeInTheDocument();
    const lea = screen.getByRole("region", { name: "Léa Martin" });
    expect(within(lea).getByText("Profile of Léa, linked to your login")).toBeInTheDocument();
    expect(within(lea).queryByText("Your own profile")).not.toBeInTheDocument();
    unmount();
    renderPage(<ProfilesPage viewer={family} />, { language: "fr" });
    expect(within(screen.getByRole("region", { name: "Léa Martin" })).getByText("Profil de Léa, relié à votre connexion")).toBeInTheDocument();
  });

  it("says when nothing is shared", () => {
    renderPage(<ProfilesPage viewer={{ ...viewer, profiles: [] }} />);
    expect(screen.getByText(/no profile is shared/i)).toBeInTheDocument();
  });

  it("formats dates in French for French readers", () => {
    renderPage(<ProfilesPage viewer={viewer} />, { language: "fr" });
    expect(screen.getByRole("heading", { name: "Mes profils" })).toBeInTheDocument();
    expect(screen.getByText("9 mars 2015")).toBeInTheDocument();
  });
});
