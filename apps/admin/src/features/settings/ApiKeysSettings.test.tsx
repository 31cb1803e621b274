import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import type { ApiKeysQuery } from "../../gql/graphql";
import { ApiKeysSettings } from "./ApiKeysSettings";
import { ApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from "./api-keys.documents";
import { WebhooksDocument } from "./webhooks.documents";

type ApiKeyRow = ApiKeysQuery["apiKeys"]["edges"][number]["node"];

const SECRET = "pak_live_7f3a9c.Zx9vQ2mR8tL4wK6yB1nH5jD3sF7gA0cE";

function key(id: string, name: string, overrides: Record<string, unknown> = {}): ApiKeyRow {
  return {
    __typename: "ApiKey" as const,
    id,
    name,
    prefix: `pak_live_${id}abc`,
    scopes: ["PATIENTS_READ" as const],
    active: true,
    createdAt: "2026-11-01T10:00:00.000Z",
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

const list = (...keys: ApiKeyRow[]): MockLink.MockedResponse => ({
  request: { query: ApiKeysDocument },
  result: { data: { apiKeys: { __typename: "ApiKeyConnection", edges: keys.map((node) => ({ __typename: "ApiKeyEdge", node })) } } },
});

// The webhooks section of the same screen, empty here (WebhooksSettings.test.tsx covers it).
const noWebhooks: MockLink.MockedResponse = {
  request: { query: WebhooksDocument },
  result: { data: { webhookSubscriptions: [], webhookDeliveries: { __typename: "WebhookDeliveryConnection", edges: [] } } },
};

const billing = key("1", "Billing sync", { scopes: ["PATIENTS_READ", "PORTAL_ACCESS_READ"], lastUsedAt: "2026-11-20T08:00:00.000Z" });
const old = key("2", "Old EHR bridge", { active: false, revokedAt: "2026-10-01T09:00:00.000Z" });

describe("ApiKeysSettings", () => {
  it("lists keys with their scopes and state, and shows a new key's secret only once", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const scheduler = key("3", "Scheduler", { scopes: ["PORTAL_ACCESS_WRITE"] });
    renderPage(<ApiKeysSettings />, {
      mocks: [
        list(billing, old),
        noWebhooks,
        {
          request: { query: CreateApiKeyDocument, variables: { input: { name: "", scopes: [] } } },
          result: {
            data: {
              createApiKey: {
                __typename: "CreateApiKeyPayload",
                secret: null,
                apiKey: null,
                userErrors: [{ __typename: "UserError", code: "INVALID_INPUT", field: "name", message: "Give the key a name." }],
              },
            },
          },
        },
        {
          request: { query: CreateApiKeyDocument, variables: { input: { name: "Scheduler", scopes: ["PORTAL_ACCESS_WRITE"] } } },
          result: {
            data: {
              createApiKey: {
                __typename: "CreateApiKeyPayload",
                secret: SECRET,
                apiKey: { __typename: "ApiKey", id: "3", name: "Scheduler", prefix: "pak_live_3abc" },
                userErrors: [],
              },
            },
          },
        },
        list(scheduler, billing, old),
      ],
    });
    const billingRow = (await screen.findByText("Billing sync")).closest("tr")!;
    expect(within(billingRow).getByText("patients:read")).toBeInTheDocument();
    expect(within(billingRow).getByText("portal_access:read")).toBeInTheDocument();
    expect(within(billingRow).getByText("pak_live_1abc…")).toBeInTheDocument();
    expect(within(billingRow).getByText("Active")).toBeInTheDocument();
    const oldRow = screen.getByText("Old EHR bridge").closest("tr")!;
    expect(within(oldRow).getByText("Revoked", { exact: true })).toBeInTheDocument();
    expect(within(oldRow).queryByRole("button")).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "New API key" }));
    let dialog = await screen.findByRole("dialog", { name: "New API key" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Create key" }));
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await waitFor(() => expect(name).toHaveAccessibleDescription("Check this value."));
    expect(name).toHaveAttribute("aria-invalid", "true");

    await userEvent.type(name, "Scheduler");
    await userEvent.click(within(dialog).getByRole("checkbox", { name: /^portal_access:write/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create key" }));
    dialog = await screen.findByRole("dialog", { name: "Your new API key" });
    expect(within(dialog).getByText(/It will not be shown again/)).toBeInTheDocument();
    expect(within(dialog).getByRole("textbox", { name: "API key" })).toHaveValue(SECRET);
    await userEvent.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(dialog).findByText("Copied to the clipboard.")).toBeInTheDocument();
    expect(await screen.findByText("Scheduler")).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole("button", { name: "I have copied it" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // Gone for good: not on the page, and a new dialog starts empty.
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "New API key" }));
    dialog = await screen.findByRole("dialog", { name: "New API key" });
    expect(within(dialog).getByRole("textbox", { name: "Name" })).toHaveValue("");
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
  });

  it("offers only the scopes the member may give, and says why the others are off (EN and FR)", async () => {
    const { unmount } = renderPage(<ApiKeysSettings />, { mocks: [list(billing), noWebhooks], permissions: ["MANAGE_API_KEYS", "MANAGE_PORTAL_ACCESS"] });
    await userEvent.click(await screen.findByRole("button", { name: "New API key" }));
    const dialog = await screen.findByRole("dialog", { name: "New API key" });
    expect(within(dialog).getByRole("checkbox", { name: /^portal_access:read/ })).toBeEnabled();
    expect(within(dialog).getByRole("checkbox", { name: /^portal_access:write/ })).toBeEnabled();
    for (const scope of ["patients:read", "patients:write", "audit:read"]) {
      const box = within(dialog).getByRole("checkbox", { name: new RegExp(`^${scope}`) });
      expect(box).toBeDisabled();
      expect(box.closest("label")).toHaveTextContent("You don't hold the staff permission behind this scope");
    }
    unmount();
    renderPage(<ApiKeysSettings />, { mocks: [list(billing), noWebhooks], permissions: ["MANAGE_API_KEYS"], language: "fr" });
    await userEvent.click(await screen.findByRole("button", { name: "Nouvelle clé d'API" }));
    const fr = await screen.findByRole("dialog");
    expect(within(fr).getAllByText(/Vous ne détenez pas la permission du personnel derrière cette portée/)).toHaveLength(5);
  });

  it("revokes a key only after confirmation", async () => {
    renderPage(<ApiKeysSettings />, {
      mocks: [
        list(billing),
        noWebhooks,
        {
          request: { query: RevokeApiKeyDocument, variables: { input: { id: "1" } } },
          result: {
            data: {
              revokeApiKey: {
                __typename: "RevokeApiKeyPayload",
                apiKey: { __typename: "ApiKey", id: "1", active: false, revokedAt: "2026-11-22T11:00:00.000Z" },
                userErrors: [],
              },
            },
          },
        },
        list({ ...billing, active: false, revokedAt: "2026-11-22T11:00:00.000Z" }),
      ],
    });
    await userEvent.click(await screen.findByRole("button", { name: "Revoke the key Billing sync" }));
    const dialog = await screen.findByRole("dialog", { name: "Revoke this API key?" });
    expect(within(dialog).getByText(/“Billing sync” \(pak_live_1abc…\) will be refused at once/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByText("Active")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Revoke the key Billing sync" }));
    const again = await screen.findByRole("dialog", { name: "Revoke this API key?" });
    await userEvent.click(within(again).getByRole("button", { name: "Revoke" }));
    expect(await screen.findByText("API key “Billing sync” revoked.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Revoke the key Billing sync" })).not.toBeInTheDocument());
    expect(screen.getByText("Revoked", { exact: true })).toBeInTheDocument();
  });
});
