import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import { OnboardingPage } from "./OnboardingPage";
import { OnboardingPatientsDocument } from "./onboarding.documents";
import type { OnboardingPatientsQuery, PortalStatus } from "../../gql/graphql";

// Issue 13 item 4: an expired or locked invite shows beside the orange colour, the grid filters on
// it (server-side), and a held resend says when it becomes possible.
type Node = OnboardingPatientsQuery["patients"]["edges"][number]["node"];

const inFiveMinutes = new Date(Date.now() + 5 * 60_000);
// The browser's conventions for the chosen language (shared/format.ts): "4:05 PM", "16 h 05"…
const clock = new Intl.DateTimeFormat(navigator.language.toLowerCase().startsWith("en") ? navigator.language : "en-CA", { timeStyle: "short" }).format(inFiveMinutes);

function invited(id: string, firstName: string, extra: Partial<Node> = {}, resendAvailableAt: string | null = null): Node {
  return {
    __typename: "Patient",
    id,
    firstName,
    lastName: "Tremblay",
    email: `${firstName.toLowerCase()}@example.com`,
    dateOfBirth: "1980-02-03",
    lastInviteSentAt: "2026-11-01T10:00:00Z",
    lastSignInAt: null,
    portalStatus: "INVITED",
    active: true,
    inviteDeliveryFailedAt: null,
    inviteProblem: null,
    // The server's answer: a resend is held until resendAvailableAt (rule 7).
    inviteAction: { __typename: "InviteAction", allowed: !resendAvailableAt, reason: resendAvailableAt ? "COOLDOWN" : null, availableAt: resendAvailableAt, resend: true },
    portalAccess: {
      __typename: "PortalGrant",
      id: `g${id}`,
      account: {
        __typename: "PortalAccount",
        id: `a${id}`,
        email: `${firstName.toLowerCase()}@example.com`,
        signedUp: false,
        disabled: false,
        lockedUntil: null,
        lastInviteSentAt: "2026-11-01T10:00:00Z",
        resendAvailableAt,
      },
    },
    ...extra,
  } as Node;
}

function page(nodes: Node[]) {
  const counts: Record<PortalStatus, number> = { NO_ACCESS: 0, ENABLED: 0, INVITED: nodes.length, ACTIVE: 0 };
  return {
    patients: {
      __typename: "PatientConnection" as const,
      totalCount: nodes.length,
      statusCounts: (Object.keys(counts) as PortalStatus[]).map((status) => ({ __typename: "StatusCount" as const, status, count: counts[status] })),
      pageInfo: { __typename: "PageInfo" as const, endCursor: null, hasNextPage: false },
      edges: nodes.map((node) => ({ __typename: "PatientEdge" as const, node })),
    },
  };
}

const base = { first: 50, after: null, canManage: true };
const all = { ...base, filter: { search: undefined, portalStatus: undefined } };
const problems = { ...base, filter: { search: undefined, portalStatus: undefined, inviteProblem: ["EXPIRED", "LOCKED"] } };

const rowOf = (name: string) => screen.getByRole("link", { name }).closest('[role="row"]') as HTMLElement;

describe("OnboardingPage: expired and locked invites", () => {
  it("says beside the colour that an invite is locked or expired, and says when a held resend becomes possible", async () => {
    const rows = [
      invited("1", "Alice", { inviteProblem: "LOCKED" }),
      invited("2", "Bruno", { inviteProblem: "EXPIRED" }),
      invited("3", "Chloé", {}, inFiveMinutes.toISOString()),
    ];
    renderPage(<OnboardingPage />, { mocks: [{ request: { query: OnboardingPatientsDocument, variables: all }, result: { data: page(rows) } }] });

    await screen.findByRole("link", { name: "Tremblay, Alice" });
    const alice = rowOf("Tremblay, Alice");
    expect(within(alice).getByText("Invited")).toBeInTheDocument();
    expect(within(alice).getByText("Invite locked")).toBeInTheDocument();
    expect(within(rowOf("Tremblay, Bruno")).getByText("Invite expired")).toBeInTheDocument();
    // The held resend: the button waits, and the row says until when.
    const chloe = rowOf("Tremblay, Chloé");
    expect(within(chloe).getByRole("button", { name: `Resend invite to chloé@example.com — Resend available at ${clock}` })).toBeDisabled();
    expect(within(chloe).getByText(`Resend available at ${clock}`)).toBeInTheDocument();
    // Issue 13 item 5: a short visible label at 1280 px; the email stays in the button's name.
    expect(within(alice).getByRole("button", { name: "Resend invite to alice@example.com" })).toHaveTextContent(/^Resend invite$/);
    expect(within(alice).getByRole("button", { name: "Resend invite to alice@example.com" })).toBeEnabled();
  });

  it("asks the server for expired and locked invites only when the filter chip is pressed", async () => {
    renderPage(<OnboardingPage />, {
      mocks: [
        { request: { query: OnboardingPatientsDocument, variables: all }, result: { data: page([invited("1", "Alice", { inviteProblem: "LOCKED" }), invited("2", "Bruno")]) } },
        { request: { query: OnboardingPatientsDocument, variables: problems }, result: { data: page([invited("1", "Alice", { inviteProblem: "LOCKED" })]) } },
      ],
    });
    await screen.findByRole("link", { name: "Tremblay, Bruno" });
    const chip = screen.getByRole("button", { name: "Expired or locked invites" });
    expect(chip).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(chip);
    expect(chip).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByRole("link", { name: "Tremblay, Alice" })).toBeInTheDocument();
    await expect(screen.findByRole("link", { name: "Tremblay, Bruno" }, { timeout: 200 })).rejects.toThrow();
  });

  it("speaks French", async () => {
    renderPage(<OnboardingPage />, {
      language: "fr",
      mocks: [{ request: { query: OnboardingPatientsDocument, variables: all }, result: { data: page([invited("1", "Alice", { inviteProblem: "EXPIRED" }), invited("2", "Bruno", { inviteProblem: "LOCKED" })]) } }],
    });
    await screen.findByRole("link", { name: "Tremblay, Alice" });
    expect(within(rowOf("Tremblay, Alice")).getByText("Invitation expirée")).toBeInTheDocument();
    expect(within(rowOf("Tremblay, Bruno")).getByText("Invitation bloquée")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Invitations expirées ou bloquées" })).toBeInTheDocument();
  });
});
