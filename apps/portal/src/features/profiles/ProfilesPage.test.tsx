import { screen, within } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import type { PortalViewer } from "../../auth/RequireAccount";
import { ProfilesPage } from "./ProfilesPage";

const viewer: PortalViewer = {
  account: { id: "1", email: "parent@example.com", mustChangePassword: false },
  profiles: [
    {
      id: "g1",
      accessType: "PROXY",
      roleName: "Family",
      permissions: ["VIEW_DEMOGRAPHICS", "VIEW_APPOINTMENTS"],
      patient: { id: "p1", firstName: "Léa", lastName: "Martin", dateOfBirth: "2015-03-09", email: null, phone: "555-0101" },
    },
    {
      id: "g2",
      accessType: "PROXY",
      roleName: "Billing contact",
      permissions: ["VIEW_BILLING"],
      patient: { id: "p2", firstName: "Hugo", lastName: "Martin", dateOfBirth: null, email: null, phone: null },
    },
  ],
};

describe("ProfilesPage", () => {
  it("shows one card per patient, with details only where the role permits", () => {
    renderPage(<ProfilesPage viewer={viewer} />);
    expect(screen.getByText("Signed in as parent@example.com")).toBeInTheDocument();
    const lea = screen.getByRole("region", { name: "Léa Martin" });
    expect(within(lea).getByText("March 9, 2015")).toBeInTheDocument();
    expect(within(lea).getByText("555-0101")).toBeInTheDocument();
    expect(within(lea).getByText("See appointments")).toBeInTheDocument();
    const hugo = screen.getByRole("region", { name: "Hugo Martin" });
    expect(within(hugo).queryByText("Date of birth")).not.toBeInTheDocument();
    expect(within(hugo).getByText("See statements and balances")).toBeInTheDocument();
    expect(within(hugo).getByText("Role: Billing contact")).toBeInTheDocument();
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
