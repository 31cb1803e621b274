import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import { PortalRolesDocument } from "../access/access.documents";
import type { BulkJobOutcome, BulkJobProgressFragment, BulkJobRowAction, BulkJobState, UserErrorCode } from "../../gql/graphql";
import { BulkDialog, JobResult } from "./BulkDialog";
import { BulkEnablePortalAccessDocument, BulkJobDocument, BulkJobItemsDocument, BulkSendPortalInvitesDocument } from "./bulk.documents";

// The viewer's organization has role "1" (Patient) as its default portal role (test/render.tsx).
const roles = {
  portalRoles: [
    { __typename: "PortalRole" as const, id: "4", name: "Adult patient", accessTypes: ["SELF" as const], permissions: [] },
    { __typename: "PortalRole" as const, id: "1", name: "Patient", accessTypes: ["SELF" as const], permissions: [] },
    { __typename: "PortalRole" as const, id: "2", name: "Family", accessTypes: ["PROXY" as const], permissions: [] },
  ],
};
const rolesMock = { request: { query: PortalRolesDocument }, result: { data: roles } };

function job(
  state: BulkJobState,
  counts: Partial<Pick<BulkJobProgressFragment, "processed" | "succeeded" | "invited" | "skipped" | "failed">> = {},
  total = 3,
) {
  return {
    __typename: "BulkJob" as const,
    id: "9",
    kind: "SEND_PORTAL_INVITES" as const,
    state,
    total,
    processed: 0,
    succeeded: 0,
    invited: 0,
    skipped: 0,
    failed: 0,
    resultsCsvUrl: "/bulk-jobs/9/results.csv",
    ...counts,
  };
}

function item(id: string, outcome: BulkJobOutcome, reason: UserErrorCode | null, name: [string, string] | null) {
  return {
    __typename: "BulkJobItemEdge" as const,
    node: {
      __typename: "BulkJobItem" as const,
      id: `i${id}`,
      patientId: id,
      outcome,
      action: null as BulkJobRowAction | null,
      reason,
      message: "Server sentence.",
      patient: name ? { __typename: "Patient" as const, id, firstName: name[0], lastName: name[1] } : null,
    },
  };
}

function items(edges: ReturnType<typeof item>[], hasNextPage = false, endCursor: string | null = null) {
  return {
    bulkJob: {
      __typename: "BulkJob" as const,
      id: "9",
      items: { __typename: "BulkJobItemConnection" as const, pageInfo: { __typename: "PageInfo" as const, hasNextPage, endCursor }, edges },
    },
  };
}

const filter = { search: "tremb", portalStatus: ["NO_ACCESS" as const] };

describe("BulkDialog: confirmation", () => {
  it("says how many rows an 'all matching' selection touches, defaults to the organization's role, and shows the server's refusal at the role", async () => {
    let sent: unknown = null;
    renderPage(
      <BulkDialog
        action="enable"
        selection={{ kind: "all" }}
        total={1234}
        filter={filter}
        onFinished={() => undefined}
        onClose={() => undefined}
      />,
      {
        mocks: [
          rolesMock,
          {
            request: {
              query: BulkEnablePortalAccessDocument,
              variables: (variables) => {
                sent = variables;
                return true;
              },
            },
            result: {
              data: {
                bulkEnablePortalAccess: {
                  __typename: "BulkEnablePortalAccessPayload",
                  job: null,
                  userErrors: [
                    { __typename: "UserError", code: "ROLE_NOT_APPLICABLE", field: "portalRoleId", message: "Role does not apply." },
                    {
                      __typename: "UserError",
                      code: "INVALID_INPUT",
                      field: "patientIds",
                      message: "Give either patient ids or a filter.",
                    },
                  ],
                },
              },
            },
          },
        ],
      },
    );
    const dialog = await screen.findByRole("dialog", { name: "Enable portal access" });
    expect(within(dialog).getByText("Enable portal access for 1234 patients and send their invites?")).toBeInTheDocument();
    expect(within(dialog).getByText("This is every patient matching the current search and status filter.")).toBeInTheDocument();
    const role = within(dialog).getByRole("combobox", { name: /Portal role/ });
    await waitFor(() => expect(role).toHaveTextContent("Patient"));
    expect(role).not.toHaveTextContent("Adult patient");
    await userEvent.click(role);
    expect(screen.getByRole("option", { name: "Adult patient" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Family" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");

    await userEvent.click(within(dialog).getByRole("checkbox", { name: "Also send the invite to each enabled patient" }));
    expect(within(dialog).getByText("Enable portal access for 1234 patients?")).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Start" }));

    await waitFor(() => expect(role).toHaveAccessibleDescription("This role does not apply to this kind of access."));
    expect(within(dialog).getByText("Check this value.")).toBeInTheDocument();
    expect(sent).toEqual({ input: { filter, portalRoleId: "1", sendInvite: false } });
    // Still the confirmation: nothing started.
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("counts picked rows and sends their ids, in French", async () => {
    renderPage(
      <BulkDialog
        action="invite"
        selection={{ kind: "ids", ids: new Set(["5", "6"]) }}
        total={400}
        filter={{}}
        onFinished={() => undefined}
        onClose={() => undefined}
      />,
      {
        language: "fr",
        mocks: [
          {
            request: { query: BulkSendPortalInvitesDocument, variables: { input: { patientIds: ["5", "6"] } } },
            result: {
              data: {
                bulkSendPortalInvites: {
                  __typename: "BulkSendPortalInvitesPayload",
                  job: null,
                  userErrors: [{ __typename: "UserError", code: "RATE_LIMITED", field: null, message: "Slow down." }],
                },
              },
            },
          },
        ],
      },
    );
    const dialog = screen.getByRole("dialog", { name: "Envoyer les invitations au portail" });
    expect(within(dialog).getByText("Envoyer une invitation au portail à 2 patients ?")).toBeInTheDocument();
    expect(within(dialog).queryByRole("combobox")).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Lancer" }));
    expect(await within(dialog).findByText("Trop de tentatives. Réessayez plus tard.")).toBeInTheDocument();
  });
});

describe("BulkDialog: progress and result", () => {
  it("follows the job with a progress bar, then lists skipped rows with a reason per code and links the CSV report", async () => {
    const onFinished = jest.fn();
    renderPage(
      <BulkDialog
        action="invite"
        selection={{ kind: "ids", ids: new Set(["1", "2", "3", "4"]) }}
        total={4}
        filter={{}}
        pollMs={30}
        onFinished={onFinished}
        onClose={() => undefined}
      />,
      {
        mocks: [
          {
            request: { query: BulkSendPortalInvitesDocument, variables: { input: { patientIds: ["1", "2", "3", "4"] } } },
            result: {
              data: { bulkSendPortalInvites: { __typename: "BulkSendPortalInvitesPayload", job: job("QUEUED", {}, 4), userErrors: [] } },
            },
          },
          {
            request: { query: BulkJobDocument, variables: { id: "9" } },
            result: { data: { bulkJob: job("RUNNING", { processed: 1, succeeded: 1 }, 4) } },
          },
          {
            request: { query: BulkJobDocument, variables: { id: "9" } },
            result: { data: { bulkJob: job("DONE", { processed: 4, succeeded: 1, skipped: 12, failed: 1 }, 4) } },
            delay: 300,
            maxUsageCount: Number.POSITIVE_INFINITY,
          },
          {
            request: { query: BulkJobItemsDocument, variables: { id: "9", outcome: "SKIPPED", first: 10, after: null } },
            result: {
              data: items(
                [
                  item("2", "SKIPPED", "MISSING_EMAIL", ["Alice", "Tremblay"]),
                  item("3", "SKIPPED", "MISSING_DATE_OF_BIRTH", ["Bruno", "Gagnon"]),
                  item("4", "SKIPPED", "ALREADY_ACTIVE", null),
                ],
                true,
                "c10",
              ),
            },
          },
          {
            request: { query: BulkJobItemsDocument, variables: { id: "9", outcome: "SKIPPED", first: 10, after: "c10" } },
            result: { data: items([item("7", "SKIPPED", "COOLDOWN", ["Chloé", "Roy"])]) },
          },
          {
            request: { query: BulkJobItemsDocument, variables: { id: "9", outcome: "FAILED", first: 10, after: null } },
            result: { data: items([item("8", "FAILED", null, ["Denis", "Côté"])]) },
          },
        ],
      },
    );
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    const bar = await screen.findByRole("progressbar", { name: "Bulk action progress" });
    await waitFor(() => expect(bar).toHaveAttribute("aria-valuenow", "25"));
    expect(screen.getByText("Working… 1 of 4")).toBeInTheDocument();
    expect(onFinished).not.toHaveBeenCalled();

    const result = await screen.findByRole("region", { name: "Bulk action result" });
    expect(bar).toHaveAttribute("aria-valuenow", "100");
    expect(within(result).getByText("1 done, 12 skipped, 1 failed, out of 4.")).toBeInTheDocument();
    expect(within(result).getByRole("link", { name: "Download CSV report" })).toHaveAttribute("href", "/bulk-jobs/9/results.csv");
    const table = within(result).getByRole("table", { name: "Skipped and failed rows" });
    const alice = await within(table).findByRole("row", { name: /Tremblay, Alice/ });
    expect(within(alice).getByText("An email address is required.")).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Gagnon, Bruno/ })).toHaveTextContent("A date of birth must be on file.");
    expect(within(table).getByRole("row", { name: /Patient #4/ })).toHaveTextContent("The account has already signed in.");
    expect(onFinished).toHaveBeenCalledTimes(1);

    // The next page through its cursor.
    await userEvent.click(within(result).getByRole("button", { name: /next page/i }));
    expect(await within(table).findByRole("row", { name: /Roy, Chloé/ })).toHaveTextContent(
      "An invite was sent moments ago. Wait a few minutes before resending.",
    );

    // The failed rows, with a reason in the staff member's language rather than the server's.
    await userEvent.click(within(result).getByRole("button", { name: "Failed (1)" }));
    const failedTable = within(result).getByRole("table", { name: "Skipped and failed rows" });
    expect(await within(failedTable).findByRole("row", { name: /Côté, Denis/ })).toHaveTextContent(
      "Something went wrong. Nothing was changed.",
    );
    expect(onFinished).toHaveBeenCalledTimes(1);
  });
});

describe("JobResult: what was done to each row done (issue 13 item 11)", () => {
  const done = (id: string, action: BulkJobRowAction, name: [string, string]) => {
    const edge = item(id, "SUCCEEDED", null, name);
    return { ...edge, node: { ...edge.node, action } };
  };

  it("splits the done rows of an enable job into enabled only and enabled and invited, and lists each row's result", async () => {
    const finished = { ...job("DONE", { processed: 4, succeeded: 3, invited: 2, skipped: 1 }, 4), kind: "ENABLE_PORTAL_ACCESS" as const };
    renderPage(<JobResult job={finished} />, {
      mocks: [
        { request: { query: BulkJobItemsDocument, variables: { id: "9", outcome: "SKIPPED", first: 10, after: null } }, result: { data: items([item("4", "SKIPPED", "MISSING_EMAIL", ["Denis", "Côté"])]) } },
        {
          request: { query: BulkJobItemsDocument, variables: { id: "9", outcome: "SUCCEEDED", first: 10, after: null } },
          result: { data: items([done("1", "ENABLED_AND_INVITED", ["Alice", "Tremblay"]), done("2", "ENABLED", ["Bruno", "Gagnon"])]) },
        },
      ],
    });
    const result = screen.getByRole("region", { name: "Bulk action result" });
    expect(within(result).getByText("Of the rows done: 1 enabled only, 2 enabled and invited.")).toBeInTheDocument();
    await userEvent.click(within(result).getByRole("button", { name: "Done (3)" }));
    const table = within(result).getByRole("table", { name: "Skipped and failed rows" });
    expect(await within(table).findByRole("row", { name: /Tremblay, Alice/ })).toHaveTextContent("Enabled and invited");
    expect(within(table).getByRole("row", { name: /Gagnon, Bruno/ })).toHaveTextContent("Enabled only (no invite sent)");
    expect(within(table).getByRole("columnheader", { name: "Result" })).toBeInTheDocument();
  });

  it("lists the done rows of an invite job at once when nothing was skipped, telling resends apart, in French", async () => {
    renderPage(<JobResult job={job("DONE", { processed: 2, succeeded: 2, invited: 2 }, 2)} />, {
      language: "fr",
      mocks: [
        {
          request: { query: BulkJobItemsDocument, variables: { id: "9", outcome: "SUCCEEDED", first: 10, after: null } },
          result: { data: items([done("1", "INVITED", ["Alice", "Tremblay"]), done("2", "INVITE_RESENT", ["Bruno", "Gagnon"])]) },
        },
      ],
    });
    const result = screen.getByRole("region", { name: /résultat/i });
    expect(within(result).getByText("Parmi les lignes faites : 2 invitées (premières invitations et renvois).")).toBeInTheDocument();
    const table = within(result).getByRole("table", { name: "Lignes" });
    expect(await within(table).findByRole("row", { name: /Tremblay, Alice/ })).toHaveTextContent("Invité");
    expect(within(table).getByRole("row", { name: /Gagnon, Bruno/ })).toHaveTextContent("Invitation renvoyée");
  });
});
