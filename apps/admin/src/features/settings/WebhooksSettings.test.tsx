import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MockLink } from "@apollo/client/testing";
import { renderPage } from "../../../test/render";
import type { WebhooksQuery } from "../../gql/graphql";
import { WebhooksSettings } from "./WebhooksSettings";
import {
  CreateWebhookSubscriptionDocument,
  DeleteWebhookSubscriptionDocument,
  SendTestWebhookEventDocument,
  WebhooksDocument,
} from "./webhooks.documents";

type Subscription = WebhooksQuery["webhookSubscriptions"][number];
type Delivery = WebhooksQuery["webhookDeliveries"]["edges"][number]["node"];

const SIGNING_SECRET = "whsec_3Jq9XbV2mN7pR4tY8wK1zL6cF0dH5sA";
const hook: Subscription = {
  __typename: "WebhookSubscription",
  id: "5",
  url: "https://partner.example.com/hooks/portal",
  description: "Scheduling, production",
  events: ["PORTAL_ACCESS_ENABLED", "PORTAL_INVITE_ACCEPTED"],
  active: true,
  createdAt: "2026-11-01T10:00:00.000Z",
};
const testDelivery: Delivery = {
  __typename: "WebhookDelivery",
  id: "900",
  at: "2026-11-22T11:00:00.000Z",
  subscriptionId: "5",
  eventType: "webhook.test",
  attempt: 1,
  success: true,
  statusCode: 204,
  error: null,
};

const list = (subscriptions: Subscription[], deliveries: Delivery[] = []): MockLink.MockedResponse => ({
  request: { query: WebhooksDocument },
  result: {
    data: {
      webhookSubscriptions: subscriptions,
      webhookDeliveries: {
        __typename: "WebhookDeliveryConnection",
        edges: deliveries.map((node) => ({ __typename: "WebhookDeliveryEdge", node })),
      },
    },
  },
});

const payload = (name: string, fields: Record<string, unknown>, userErrors: { code: string; field: string | null; message: string }[] = []) => ({
  data: { [name]: { __typename: `${name[0]!.toUpperCase()}${name.slice(1)}Payload`, ...fields, userErrors: userErrors.map((e) => ({ __typename: "UserError", ...e })) } },
});

describe("WebhooksSettings", () => {
  it("subscribes an endpoint, shows a refused URL at its field, and the signing secret only once", async () => {
    const input = { url: "http://10.0.0.5/hook", events: ["PORTAL_INVITE_SENT"], description: undefined };
    renderPage(<WebhooksSettings />, {
      mocks: [
        list([]),
        {
          request: { query: CreateWebhookSubscriptionDocument, variables: { input } },
          result: payload("createWebhookSubscription", { signingSecret: null, subscription: null }, [
            { code: "WEBHOOK_URL_REFUSED", field: "url", message: "The address 10.0.0.5 is private." },
          ]),
        },
        {
          request: { query: CreateWebhookSubscriptionDocument, variables: { input: { ...input, url: hook.url } } },
          result: payload("createWebhookSubscription", { signingSecret: SIGNING_SECRET, subscription: { __typename: "WebhookSubscription", id: "5" } }),
        },
        list([{ ...hook, events: ["PORTAL_INVITE_SENT"], description: null }]),
      ],
    });
    expect(await screen.findByText("No webhook yet.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "New webhook" }));
    const dialog = await screen.findByRole("dialog", { name: "New webhook" });
    const url = within(dialog).getByRole("textbox", { name: "Endpoint URL" });
    await userEvent.type(url, input.url);
    await userEvent.click(within(dialog).getByRole("checkbox", { name: /^portal_invite\.sent/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Subscribe" }));
    await waitFor(() => expect(url).toHaveAccessibleDescription("This address cannot receive webhooks. The address 10.0.0.5 is private."));

    await userEvent.clear(url);
    await userEvent.type(url, hook.url);
    await userEvent.click(within(dialog).getByRole("button", { name: "Subscribe" }));
    const secretDialog = await screen.findByRole("dialog", { name: "Signing secret" });
    expect(within(secretDialog).getByRole("textbox", { name: "Signing secret" })).toHaveValue(SIGNING_SECRET);
    expect(within(secretDialog).getByText(/It will not be shown again/)).toBeInTheDocument();
    expect(await screen.findByText(hook.url)).toBeInTheDocument();
    await userEvent.click(within(secretDialog).getByRole("button", { name: "I have copied it" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue(SIGNING_SECRET)).not.toBeInTheDocument();
  });

  it("sends a test event and lists the delivery, and deletes only after confirmation", async () => {
    renderPage(<WebhooksSettings />, {
      mocks: [
        list([hook]),
        {
          request: { query: SendTestWebhookEventDocument, variables: { input: { id: "5" } } },
          result: payload("sendTestWebhookEvent", { eventId: "evt_1" }),
        },
        list([hook], [testDelivery]),
        {
          request: { query: DeleteWebhookSubscriptionDocument, variables: { input: { id: "5" } } },
          result: payload("deleteWebhookSubscription", { deletedId: "5" }),
        },
        list([], [testDelivery]),
      ],
    });
    await userEvent.click(await screen.findByRole("button", { name: `Send a test event to ${hook.url}` }));
    expect(await screen.findByText(`A test event is on its way to ${hook.url}.`)).toBeInTheDocument();
    const deliveries = await screen.findByRole("region", { name: "Recent deliveries" });
    expect(within(deliveries).getByText("webhook.test")).toBeInTheDocument();
    expect(within(deliveries).getByText("Delivered (HTTP 204)")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: `Delete the webhook to ${hook.url}` }));
    const dialog = await screen.findByRole("dialog", { name: "Delete this webhook?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Webhook deleted.")).toBeInTheDocument();
    expect(await screen.findByText("No webhook yet.")).toBeInTheDocument();
  });
});
