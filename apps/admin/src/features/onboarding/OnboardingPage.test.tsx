import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { renderPage } from "../../../test/render";
import { OnboardingPage } from "./OnboardingPage";
import { OnboardingPatientsDocument } from "./onboarding.documents";
import { EnablePortalAccessDocument, PortalRolesDocument, RevokePortalAccessDocument } from "../access/access.documents";
import { BulkSendPortalInvitesDocument } from "./bulk.documents";
import type { OnboardingPatientsQuery, PortalStatus } from "../../gql/graphql";

type Node = OnboardingPatientsQuery["patients"]["edges"][number]["node"];

function patient(id: string, firstName: string, portalStatus: PortalStatus, extra: Partial<Node> = {}): Node {
  return {
    __typename: "Patient",
    id,
    firstName,
    lastName: "Tremblay",
    email: `${firstName.toLowerCase()}@example.com`,
    dateOfBirth: "1980-02-03",
    lastInviteSentAt: null,
    lastSignInAt: null,
    portalStatus,
    active: true,
    portalAccess: null,
    // What the server answers for an invite now (Patient.inviteAction).
    inviteAction: { __typename: "InviteAction", allowed: true, reason: null, availableAt: null, resend: false },
    inviteDeliveryFailedAt: null,
    ...extra,
  };
}

function page(nodes: Node[], counts: Record<PortalStatus, number>, total = nodes.length) {
  return {
    patients: {
      __typename: "PatientConnection" as const,
      totalCount: total,
      statusCounts: (Object.keys(counts) as PortalStatus[]).map((status) => ({
        __typename: "StatusCount" as const,
        status,
        count: counts[status],
      })),
      pageInfo: { __typename: "PageInfo" as const, endCursor: null, hasNextPage: false },
      edges: nodes.map((node) => ({ __typename: "PatientEdge" as const, node })),
    },
  };
}

const counts = { NO_ACCESS: 1, ENABLED: 0, INVITED: 0, ACTIVE: 1 };
const first = { filter: { search: undefined, portalStatus: undefined }, first: 50, after: null, canManage: true };

describe("OnboardingPage", () => {
  it("shows each patient's colour with a text label, and counts per status on the filter chips", async () => {
    const rows = [patient("1", "Alice", "NO_ACCESS"), patient("2", "Bruno", "ACTIVE", { lastSignInAt: "2026-11-01T10:00:00Z" })];
    renderPage(<OnboardingPage />, {
      mocks: [{ request: { query: OnboardingPatientsDocument, variables: first }, result: { data: page(rows, counts) } }],
    });

    expect(await screen.findByRole("link", { name: "Tremblay, Alice" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Portal status: no access. Enable access for Alice Tremblay" })).toBeInTheDocument();
    const bruno = screen.getByRole("link", { name: "Tremblay, Bruno" }).closest('[role="row"]') as HTMLElement;
    expect(within(bruno).getByText("Active")).toBeInTheDocument();
    expect(within(bruno).getByRole("img", { name: "green" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /No access · 1/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /All · 2/ })).toBeInTheDocument();
  });

  it("enables access when the red block is clicked, and Undo revokes the new grant", async () => {
    const before = page([patient("1", "Alice", "NO_ACCESS")], { ...counts, ACTIVE: 0 });
    const after = page([patient("1", "Alice", "ENABLED")], { NO_ACCESS: 0, ENABLED: 1, INVITED: 0, ACTIVE: 0 });
    let revoked = false;
    renderPage(<OnboardingPage />, {
      mocks: [
        { request: { query: OnboardingPatientsDocument, variables: first }, result: { data: before } },
        {
          request: { query: EnablePortalAccessDocument, variables: { input: { patientId: "1" } } },
          result: {
            data: {
              enablePortalAccess: {
                __typename: "EnablePortalAccessPayload",
                grant: { __typename: "PortalGrant", id: "g9" },
                account: { __typename: "PortalAccount", id: "a9", email: "alice@example.com" },
                patient: { __typename: "Patient", id: "1", portalStatus: "ENABLED" },
                userErrors: [],
              },
            },
          },
        },
        { request: { query: OnboardingPatientsDocument, variables: first }, result: { data: after } },
        {
          request: { query: RevokePortalAccessDocument, variables: { input: { grantId: "g9" } } },
          result: () => {
            revoked = true;
            return {
              data: {
                revokePortalAccess: {
                  __typename: "RevokePortalAccessPayload",
                  grant: { __typename: "PortalGrant", id: "g9", active: false },
                  userErrors: [],
                },
              },
            };
          },
        },
        { request: { query: OnboardingPatientsDocument, variables: first }, result: { data: before } },
      ],
    });

    await userEvent.click(await screen.findByRole("button", { name: /Enable access for Alice Tremblay/ }));
    expect(await screen.findByText("Access enabled for Alice Tremblay.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: /Enabled · 1/ })).toBeInTheDocument());
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(revoked).toBe(true));
    expect(await screen.findByText("Access for Alice Tremblay removed again.")).toBeInTheDocument();
  });

  it("shows a refusal from the server beside the patient's name, in the staff member's language", async () => {
    renderPage(<OnboardingPage />, {
      language: "fr",
      mocks: [
        {
          request: { query: OnboardingPatientsDocument, variables: first },
          result: { data: page([patient("1", "Alice", "NO_ACCESS", { email: null })], counts) },
        },
        {
          request: { query: EnablePortalAccessDocument, variables: { input: { patientId: "1" } } },
          result: {
            data: {
              enablePortalAccess: {
                __typename: "EnablePortalAccessPayload",
                grant: null,
                account: null,
                patient: null,
                userErrors: [{ __typename: "UserError", code: "MISSING_EMAIL", field: "email", message: "An email address is required." }],
              },
            },
          },
        },
      ],
    });
    await userEvent.click(await screen.findByRole("button", { name: /Activer l'accès pour Alice Tremblay/ }));
    expect(await screen.findByText("Alice Tremblay: Une adresse courriel est requise.")).toBeInTheDocument();
  });

  it("offers no portal action and no selection to a staff member without Manage portal access", async () => {
    renderPage(<OnboardingPage />, {
      permissions: ["VIEW_PATIENTS"],
      mocks: [
        {
          request: { query: OnboardingPatientsDocument, variables: { ...first, canManage: false } },
          result: { data: { patients: { ...page([patient("1", "Alice", "NO_ACCESS")], counts).patients, statusCounts: undefined } } },
        },
      ],
    });
    expect(await screen.findByRole("link", { name: "Tremblay, Alice" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Enable access/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
  });

  it("sorts on the server by the clicked column, from the first page, and keeps the order in the URL", async () => {
    function Location() {
      const location = useLocation();
      return <output aria-label="location">{location.search}</output>;
    }
    const rows = [patient("1", "Alice", "NO_ACCESS"), patient("2", "Bruno", "ACTIVE")];
    const queried: unknown[] = [];
    const sorted = (orderBy: unknown) => ({
      request: {
        query: OnboardingPatientsDocument,
        variables: (variables: Record<string, unknown>) => {
          if (JSON.stringify(variables.orderBy) !== JSON.stringify(orderBy)) return false;
          queried.push(variables);
          return true;
        },
      },
      result: { data: page(rows, counts) },
    });
    renderPage(
      <>
        <OnboardingPage />
        <Location />
      </>,
      {
        url: "/?status=NO_ACCESS&sort=-name",
        mocks: [
          sorted({ field: "NAME", direction: "DESC" }),
          sorted({ field: "LAST_SIGN_IN", direction: "ASC" }),
          sorted({ field: "LAST_SIGN_IN", direction: "DESC" }),
        ],
      },
    );
    expect(await screen.findByRole("link", { name: "Tremblay, Alice" })).toBeInTheDocument();
    expect(queried[0]).toMatchObject({
      orderBy: { field: "NAME", direction: "DESC" },
      after: null,
      filter: { portalStatus: ["NO_ACCESS"] },
    });
    expect(screen.getByRole("columnheader", { name: /Patient/ })).toHaveAttribute("aria-sort", "descending");

    await userEvent.click(screen.getByRole("columnheader", { name: /Last sign-in/ }));
    await waitFor(() => expect(queried).toHaveLength(2));
    expect(queried[1]).toMatchObject({ orderBy: { field: "LAST_SIGN_IN", direction: "ASC" }, after: null });
    expect(screen.getByRole("status", { name: "location" })).toHaveTextContent("?status=NO_ACCESS&sort=lastSignInAt");

    await userEvent.click(screen.getByRole("columnheader", { name: /Last sign-in/ }));
    await waitFor(() => expect(queried).toHaveLength(3));
    expect(screen.getByRole("status", { name: "location" })).toHaveTextContent("?status=NO_ACCESS&sort=-lastSignInAt");
    expect(screen.getByRole("columnheader", { name: /Last sign-in/ })).toHaveAttribute("aria-sort", "descending");
  });

  it("offers bulk actions on the selection, and 'all matching' acts on the current filter with its total count", async () => {
    const rows = [patient("1", "Alice", "NO_ACCESS"), patient("2", "Bruno", "NO_ACCESS")];
    const red = { ...first, filter: { search: undefined, portalStatus: ["NO_ACCESS" as const] } };
    let sent: unknown = null;
    renderPage(<OnboardingPage />, {
      url: "/?status=NO_ACCESS",
      mocks: [
        { request: { query: OnboardingPatientsDocument, variables: red }, result: { data: page(rows, counts, 120) } },
        {
          request: { query: PortalRolesDocument },
          result: {
            data: { portalRoles: [{ __typename: "PortalRole", id: "1", name: "Patient", accessTypes: ["SELF"], permissions: [] }] },
          },
        },
        {
          request: {
            query: BulkSendPortalInvitesDocument,
            variables: (variables) => {
              sent = variables;
              return true;
            },
          },
          result: {
            data: {
              bulkSendPortalInvites: {
                __typename: "BulkSendPortalInvitesPayload",
                job: null,
                userErrors: [{ __typename: "UserError", code: "INVALID_INPUT", field: "filter", message: "Bad filter." }],
              },
            },
          },
        },
      ],
    });
    await screen.findByRole("link", { name: "Tremblay, Alice" });
    expect(screen.queryByRole("button", { name: "Send invites" })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("checkbox", { name: "Select all rows" }));
    const bar = screen.getByRole("region", { name: "2 selected" });
    await userEvent.click(within(bar).getByRole("button", { name: "Enable portal access" }));
    const enable = screen.getByRole("dialog", { name: "Enable portal access" });
    expect(within(enable).getByText("Enable portal access for 2 patients and send their invites?")).toBeInTheDocument();
    await userEvent.click(within(enable).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await userEvent.click(within(bar).getByRole("button", { name: "Select all 120 matching" }));
    expect(screen.getByText("All 120 matching patients are selected.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Send invites" }));
    const invite = screen.getByRole("dialog", { name: "Send portal invites" });
    expect(within(invite).getByText("Send portal invites to 120 patients?")).toBeInTheDocument();
    await userEvent.click(within(invite).getByRole("button", { name: "Start" }));
    expect(await within(invite).findByText("Check this value.")).toBeInTheDocument();
    expect(sent).toEqual({ input: { filter: { portalStatus: ["NO_ACCESS"] } } });
  });
});
