import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import type { AuditEventFilter } from "../../gql/graphql";
import { AuditEventsDocument, AuditPage, AuditPeopleDocument } from "./AuditPage";

function event(id: string, action: string, kind: string | null, extra: Record<string, unknown> = {}) {
  return {
    __typename: "AuditEvent" as const,
    id,
    at: "2026-11-30T14:05:00.000Z",
    actorType: "STAFF",
    actorId: "7",
    actorLabel: "nadia@demo.clinic",
    actorName: "Nadia Front-Desk",
    action,
    kind,
    targetType: "PortalAccount",
    targetId: "31",
    targetName: "heloise@example.test",
    patientId: "12",
    patientName: "Côté, Héloïse",
    ip: "10.0.0.1",
    ...extra,
  };
}

function page(nodes: ReturnType<typeof event>[]) {
  return {
    auditEvents: {
      __typename: "AuditEventConnection" as const,
      pageInfo: { __typename: "PageInfo" as const, endCursor: null, hasNextPage: false },
      edges: nodes.map((node) => ({ __typename: "AuditEventEdge" as const, node })),
    },
  };
}

const eventsMock = (filter: AuditEventFilter, nodes: ReturnType<typeof event>[]) => ({
  request: { query: AuditEventsDocument, variables: { filter, first: 50, after: null } },
  result: { data: page(nodes) },
});

const peopleMock = {
  request: { query: AuditPeopleDocument, variables: { staff: true, keys: true } },
  result: {
    data: {
      staffUsers: [
        { __typename: "StaffUser" as const, id: "7", name: "Nadia Front-Desk" },
        { __typename: "StaffUser" as const, id: "8", name: "Claire Clinician" },
      ],
      apiKeys: { __typename: "ApiKeyConnection" as const, edges: [{ __typename: "ApiKeyEdge" as const, node: { __typename: "ApiKey" as const, id: "3", name: "EHR sync" } }] },
    },
  },
};

const NOTHING = { kind: undefined, actorType: undefined, actorId: undefined, patientId: undefined, from: undefined, to: undefined };
const changed = event("2", "portal_account.login_email_change_requested", "EMAIL_CHANGES");
const enabled = event("1", "portal_access.enabled", "ACCESS_CHANGES", { targetType: "PortalGrant", targetId: "40" });

describe("AuditPage", () => {
  it("shows names and readable actions, not codes and ids", async () => {
    renderPage(<AuditPage />, { mocks: [eventsMock(NOTHING, [changed, enabled]), peopleMock] });
    const table = await screen.findByRole("table", { name: "Audit log" });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Nadia Front-Desk");
    expect(rows[1]).toHaveTextContent("Login email change requested");
    expect(rows[1]).toHaveTextContent("Login email changes");
    expect(rows[1]).toHaveTextContent("heloise@example.test");
    expect(rows[1]).toHaveTextContent("Côté, Héloïse");
    expect(rows[2]).toHaveTextContent("Portal access enabled");
    expect(table).not.toHaveTextContent("portal_access.enabled");
    expect(within(rows[1]).getByRole("link", { name: "Côté, Héloïse" })).toHaveAttribute("href", "/patients/12");
  });

  it("speaks French", async () => {
    renderPage(<AuditPage />, { mocks: [eventsMock(NOTHING, [changed]), peopleMock], language: "fr" });
    const table = await screen.findByRole("table", { name: "Journal d'audit" });
    expect(table).toHaveTextContent("Changement de courriel de connexion demandé");
    expect(table).toHaveTextContent("Changements de courriel de connexion");
  });

  it("filters by kind and by person", async () => {
    const user = userEvent.setup();
    renderPage(<AuditPage />, {
      mocks: [
        eventsMock(NOTHING, [changed, enabled]),
        peopleMock,
        eventsMock({ ...NOTHING, kind: "EMAIL_CHANGES", actorType: "STAFF", actorId: "8" }, [{ ...changed, id: "5", actorId: "8", actorName: "Claire Clinician" }]),
      ],
    });
    await screen.findByRole("table");
    await user.click(screen.getByRole("combobox", { name: "Kind" }));
    await user.click(await screen.findByRole("option", { name: "Login email changes" }));
    await user.click(screen.getByRole("combobox", { name: "Person" }));
    expect(await screen.findByRole("option", { name: "API key EHR sync" })).toBeInTheDocument();
    await user.click(screen.getByRole("option", { name: "Claire Clinician" }));
    await user.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(screen.getByRole("table")).toHaveTextContent("Claire Clinician"));
    expect(screen.getByRole("table")).not.toHaveTextContent("Portal access enabled");
  });

  it("shows one patient's trail from the address, and clicking a name filters by that person", async () => {
    const user = userEvent.setup();
    renderPage(<AuditPage />, {
      path: "/audit",
      url: "/audit?patientId=12",
      mocks: [
        eventsMock({ ...NOTHING, patientId: "12" }, [changed, enabled]),
        peopleMock,
        eventsMock({ ...NOTHING, patientId: "12", actorType: "STAFF", actorId: "7" }, [changed]),
      ],
    });
    expect(await screen.findByText("Trail of Côté, Héloïse")).toBeInTheDocument();
    await user.click(screen.getAllByRole("button", { name: "Nadia Front-Desk" })[0]);
    await waitFor(() => expect(screen.queryByText("Portal access enabled")).not.toBeInTheDocument());
    // The trail replaces the rows once its query answers: wait for it rather than read the table mid-load.
    expect(await screen.findByText("Login email change requested")).toBeInTheDocument();
  });
});
