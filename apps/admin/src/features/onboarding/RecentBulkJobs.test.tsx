import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import type { BulkJobKind, BulkJobState } from "../../gql/graphql";
import { RecentBulkJobs } from "./RecentBulkJobs";
import { BulkJobDocument, BulkJobItemsDocument, RecentBulkJobsDocument } from "./bulk.documents";

function job(
  id: string,
  kind: BulkJobKind,
  state: BulkJobState,
  counts: { succeeded: number; skipped: number },
  requestedByName: string | null,
) {
  const total = counts.succeeded + counts.skipped;
  return {
    __typename: "BulkJob" as const,
    id,
    kind,
    state,
    total,
    processed: state === "DONE" ? total : 0,
    failed: 0,
    invited: counts.succeeded,
    ...counts,
    resultsCsvUrl: `/bulk-jobs/${id}/results.csv`,
    createdAt: "2026-11-20T14:30:00.000Z",
    requestedByName,
  };
}

const invites = job("12", "SEND_PORTAL_INVITES", "DONE", { succeeded: 2, skipped: 1 }, "Fran Frontdesk");
const enable = job("11", "ENABLE_PORTAL_ACCESS", "DONE", { succeeded: 4, skipped: 0 }, null);

function listMock(jobs: ReturnType<typeof job>[], hasNextPage = false) {
  return {
    request: { query: RecentBulkJobsDocument, variables: { first: 20 } },
    result: {
      data: {
        bulkJobs: {
          __typename: "BulkJobConnection" as const,
          edges: jobs.map((node) => ({ __typename: "BulkJobEdge" as const, node })),
          pageInfo: { __typename: "PageInfo" as const, hasNextPage },
        },
      },
    },
    // Back from a report, the list is asked for again (a job may have finished meanwhile).
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const { createdAt: _c, requestedByName: _r, ...progress } = invites;
const jobMock = {
  request: { query: BulkJobDocument, variables: { id: "12" } },
  result: { data: { bulkJob: progress } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
const itemsMock = {
  request: { query: BulkJobItemsDocument, variables: { id: "12", outcome: "SKIPPED", first: 10, after: null } },
  result: {
    data: {
      bulkJob: {
        __typename: "BulkJob" as const,
        id: "12",
        items: {
          __typename: "BulkJobItemConnection" as const,
          pageInfo: { __typename: "PageInfo" as const, hasNextPage: false, endCursor: null },
          edges: [
            {
              __typename: "BulkJobItemEdge" as const,
              node: {
                __typename: "BulkJobItem" as const,
                id: "i7",
                patientId: "7",
                outcome: "SKIPPED" as const,
                action: null,
                reason: "MISSING_EMAIL" as const,
                message: "Server sentence.",
                patient: { __typename: "Patient" as const, id: "7", firstName: "Ana", lastName: "Lopez" },
              },
            },
          ],
        },
      },
    },
  },
};

describe("RecentBulkJobs", () => {
  it("lists recent jobs newest first with who started them, and opens a job's report with its CSV", async () => {
    const user = userEvent.setup();
    renderPage(<RecentBulkJobs pollMs={30} />, { mocks: [listMock([invites, enable]), jobMock, itemsMock] });
    await user.click(screen.getByRole("button", { name: "Recent bulk actions" }));
    const dialog = await screen.findByRole("dialog", { name: "Recent bulk actions" });
    const table = await within(dialog).findByRole("table", { name: "Recent bulk actions" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Send portal invites");
    expect(rows[0]).toHaveTextContent("Fran Frontdesk");
    expect(rows[0]).toHaveTextContent("Done");
    expect(rows[0]).toHaveTextContent("2 done, 1 skipped, 0 failed, out of 3.");
    expect(rows[1]).toHaveTextContent("Enable portal access");

    await user.click(within(rows[0]).getByRole("button", { name: /View the report of Send portal invites/ }));
    const report = await within(dialog).findByRole("region", { name: "Bulk action result" });
    expect(within(report).getByRole("link", { name: "Download CSV report" })).toHaveAttribute("href", "/bulk-jobs/12/results.csv");
    expect(await within(report).findByText("Lopez, Ana")).toBeInTheDocument();
    expect(within(report).getByText("An email address is required.")).toBeInTheDocument();

    expect(screen.getByRole("dialog", { name: /^Send portal invites · / })).toBe(dialog);
    await user.click(within(dialog).getByRole("button", { name: "Back to the list" }));
    expect(await within(dialog).findByRole("table", { name: "Recent bulk actions" })).toBeInTheDocument();
  });

  it("says when there is no job yet, and when only the most recent are listed (in French)", async () => {
    const user = userEvent.setup();
    const { unmount } = renderPage(<RecentBulkJobs />, { mocks: [listMock([])] });
    await user.click(screen.getByRole("button", { name: "Recent bulk actions" }));
    expect(await screen.findByText("No bulk action yet.")).toBeInTheDocument();
    unmount();

    renderPage(<RecentBulkJobs />, { mocks: [listMock([invites], true)], language: "fr" });
    await user.click(screen.getByRole("button", { name: "Actions groupées récentes" }));
    expect(await screen.findByText("Seules les 20 plus récentes sont affichées.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Voir le rapport de « Envoyer les invitations au portail »/ })).toBeInTheDocument();
  });

  it("shows a load error with a retry", async () => {
    const user = userEvent.setup();
    renderPage(<RecentBulkJobs />, {
      mocks: [{ request: { query: RecentBulkJobsDocument, variables: { first: 20 } }, error: new Error("boom") }],
    });
    await user.click(screen.getByRole("button", { name: "Recent bulk actions" }));
    expect(await screen.findByRole("button", { name: "Retry" })).toBeInTheDocument();
  });
});
