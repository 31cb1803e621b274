import { graphql } from "../../gql";

export const WebhooksDocument = graphql(`
  query Webhooks {
    webhookSubscriptions {
      id
      url
      description
      events
      active
      createdAt
    }
    webhookDeliveries(first: 20) {
      edges {
        node {
          id
          at
          subscriptionId
          eventType
          attempt
          success
          statusCode
          error
        }
      }
    }
  }
`);

export const CreateWebhookSubscriptionDocument = graphql(`
  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      signingSecret
      subscription {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DeleteWebhookSubscriptionDocument = graphql(`
  mutation DeleteWebhookSubscription($input: WebhookSubscriptionIdInput!) {
    deleteWebhookSubscription(input: $input) {
      deletedId
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const SendTestWebhookEventDocument = graphql(`
  mutation SendTestWebhookEvent($input: WebhookSubscriptionIdInput!) {
    sendTestWebhookEvent(input: $input) {
      eventId
      userErrors {
        code
        field
        message
      }
    }
  }
`);
