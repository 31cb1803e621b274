import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import type { OnboardingPatientsQuery, PortalStatus } from "../../gql/graphql";
import { EnablePortalAccessDocument } from "../access/access.documents";
import { OnboardingPage } from "./OnboardingPage";
import { OnboardingPatientsDocument } from "./onboarding.documents";

type Node = OnboardingPatientsQuery["patients"]["edges"][number]["node"];

const NAMES = ["Alice", "Bruno", "Chloé", "Denis", "Élise", "Farid", "Gaëlle", "Hugo", "Inès", "Jules"];

function patient(id: string, firstName: string, portalStatus: PortalStatus): Node {
  return {
    __typename: "Patient",
    id,
    firstName,
    lastName: "Tremblay",
    email: `${id}@example.com`,
    dateOfBirth: "1980-02-03",
    lastInviteSentAt: null,
    lastSignInAt: null,
    portalStatus,
    active: true,
    portalAccess: null,
    // What the server answers for an invite now (Patient.inviteAction).
    inviteAction: { __typename: "InviteAction", allowed: true, reason: null, availableAt: null, resend: false },
    inviteDeliveryFailedAt: null,
    inviteProblem: null,
  };
}

function page(nodes: Node[]) {
  const count = (s: PortalStatus) => nodes.filter((n) => n.portalStatus === s).length;
  return {
    patients: {
      __typename: "PatientConnection" as const,
      totalCount: nodes.length,
      statusCounts: (["NO_ACCESS", "ENABLED", "INVITED", "ACTIVE"] as PortalStatus[]).map((status) => ({
        __typename: "StatusCount" as const,
        status,
        count: count(status),
      })),
      pageInfo: { __typename: "PageInfo" as const, endCursor: null, hasNextPage: false },
      edges: nodes.map((node) => ({ __typename: "PatientEdge" as const, node })),
    },
  };
}

function enabled(id: string) {
  return {
    request: { query: EnablePortalAccessDocument, variables: { input: { patientId: id } } },
    result: {
      data: {
        enablePortalAccess: {
          __typename: "EnablePortalAccessPayload",
          grant: { __typename: "PortalGrant", id: `g${id}` },
          account: { __typename: "PortalAccount", id: `a${id}`, email: `${id}@example.com` },
          patient: { __typename: "Patient", id, portalStatus: "ENABLED" },
          userErrors: [],
        },
      },
    },
  };
}

const all = { filter: { search: undefined, portalStatus: undefined }, first: 50, after: null, canManage: true };
const red = { ...all, filter: { search: undefined, portalStatus: ["NO_ACCESS" as const] } };
const block = (name: string) => screen.getByRole("button", { name: new RegExp(`Enable access for ${name} Tremblay`) });
const rowOf = (element: Element | null) => element?.closest('[role="row"]')?.getAttribute("data-id");

describe("the onboarding grid from the keyboard", () => {
  it("enables access with Space on a red block, and focus stays on that row (not a page further down)", async () => {
    const reds = NAMES.map((n, i) => patient(String(i + 1), n, "NO_ACCESS"));
    const after = reds.map((p, i) => (i === 0 ? { ...p, portalStatus: "ENABLED" as const } : p));
    let called = 0;
    renderPage(<OnboardingPage />, {
      mocks: [
        { request: { query: OnboardingPatientsDocument, variables: all }, result: { data: page(reds) } },
        { ...enabled("1"), result: () => (called++, enabled("1").result) },
        { request: { query: OnboardingPatientsDocument, variables: all }, result: { data: page(after) } },
      ],
    });
    await screen.findByRole("link", { name: "Tremblay, Alice" });
    act(() => block("Alice").focus());
    // The grid reads Space in a cell as "page down" (6 rows at 800 px in Chromium, where the e2e
    // journey checks the row) and swallows it: the block was never pressed.
    await userEvent.keyboard(" ");
    await waitFor(() => expect(called).toBe(1));
    expect(await screen.findByText("Access enabled for Alice Tremblay.")).toBeInTheDocument();
    await waitFor(() => expect(rowOf(document.activeElement)).toBe("1"));
  });

  it("under the No access filter, Enter on a red block enables it and moves focus to the red block now in its place", async () => {
    const reds = NAMES.slice(0, 3).map((n, i) => patient(String(i + 1), n, "NO_ACCESS"));
    renderPage(<OnboardingPage />, {
      url: "/?status=NO_ACCESS",
      mocks: [
        { request: { query: OnboardingPatientsDocument, variables: red }, result: { data: page(reds) } },
        enabled("1"),
        { request: { query: OnboardingPatientsDocument, variables: red }, result: { data: page(reds.slice(1)) } },
      ],
    });
    await screen.findByRole("link", { name: "Tremblay, Alice" });
    act(() => block("Alice").focus());
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByText("Access enabled for Alice Tremblay.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("link", { name: "Tremblay, Alice" })).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(block("Bruno")));
  });

  it("keeps focus on the row when the last red row of the filter is enabled, by moving to the row above", async () => {
    const reds = NAMES.slice(0, 2).map((n, i) => patient(String(i + 1), n, "NO_ACCESS"));
    renderPage(<OnboardingPage />, {
      url: "/?status=NO_ACCESS",
      mocks: [
        { request: { query: OnboardingPatientsDocument, variables: red }, result: { data: page(reds) } },
        enabled("2"),
        { request: { query: OnboardingPatientsDocument, variables: red }, result: { data: page(reds.slice(0, 1)) } },
      ],
    });
    await screen.findByRole("link", { name: "Tremblay, Bruno" });
    act(() => block("Bruno").focus());
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("link", { name: "Tremblay, Bruno" })).not.toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(block("Alice")));
  });
});
