import { graphql } from "../../gql";

export const EmailTemplatesDocument = graphql(`
  query EmailTemplates {
    emailTemplates {
      kind
      language
      subject
      html
      text
      isCustomized
      placeholders
      updatedAt
    }
  }
`);

export const PreviewEmailTemplateDocument = graphql(`
  query PreviewEmailTemplate($input: PreviewEmailTemplateInput!) {
    previewEmailTemplate(input: $input) {
      subject
      html
      text
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdateEmailTemplateDocument = graphql(`
  mutation UpdateEmailTemplate($input: UpdateEmailTemplateInput!) {
    updateEmailTemplate(input: $input) {
      emailTemplate {
        kind
        language
        subject
        html
        text
        isCustomized
        placeholders
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ResetEmailTemplateDocument = graphql(`
  mutation ResetEmailTemplate($input: ResetEmailTemplateInput!) {
    resetEmailTemplate(input: $input) {
      emailTemplate {
        kind
        language
        subject
        html
        text
        isCustomized
        placeholders
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const SendSampleEmailDocument = graphql(`
  mutation SendSampleEmail($input: SendSampleEmailInput!) {
    sendSampleEmail(input: $input) {
      to
      userErrors {
        code
        field
        message
      }
    }
  }
`);
