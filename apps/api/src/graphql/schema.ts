import "reflect-metadata";
import "./enums";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { validateNestedInputs } from "./nested-validation";
import { ApiKeyResolver } from "../modules/api-keys/api-key.resolver";
import { WebhookResolver } from "../modules/webhooks/webhook.resolver";
import { AuditResolver } from "../modules/audit/audit.resolver";
import { EmailTemplateResolver } from "../modules/email-templates/email-template.resolver";
import { InviteResolver } from "../modules/invites/invite.resolver";
import { LoginEmailChangeResolver } from "../modules/invites/login-email-change.resolver";
import { OnboardingStatsResolver } from "../modules/onboarding-stats/onboarding-stats.resolver";
import { PortalAuthResolver } from "../modules/portal-auth/portal-auth.resolver";
import { OrganizationResolver } from "../modules/organizations/organization.resolver";
import { ContactFieldsResolver, PatientConnectionResolver, PatientResolver } from "../modules/patients/patient.resolver";
import { PortalAccessResolver, PortalAccountFieldsResolver, PortalGrantFieldsResolver } from "../modules/portal-access/portal-access.resolver";
import { GrantInviteActionResolver, PatientInviteActionResolver } from "../modules/portal-access/invite-action.resolver";
import { PortalRoleResolver } from "../modules/portal-roles/portal-role.resolver";
import { StaffResolver, StaffUserFieldsResolver } from "../modules/staff/staff.resolver";
import { SignInLockResolver } from "../modules/sign-in-locks/sign-in-lock.resolver";
import { ViewerResolver } from "../modules/viewer/viewer.resolver";
import { BulkJobItemFieldsResolver, BulkJobResolver } from "../modules/bulk/bulk-job.resolver";
import { ReminderResolver } from "../modules/reminders/reminder.resolver";
import { ActivationResolver } from "../modules/activation/activation.resolver";
import { ImportJobRowFieldsResolver, ImportResolver } from "../modules/imports/import.resolver";
import { AccessScheduleResolver, PatientScheduleResolver, PortalGrantScheduleResolver } from "../modules/access-schedule/access-schedule.resolver";
import { enforcePolicy } from "../auth/enforce-policy";
import { MfaResolver, StaffUserMfaResolver, ViewerMfaResolver } from "../auth/mfa/mfa.resolver";
import { PortalMfaResolver, PortalSelfMfaResolver } from "../auth/mfa/portal-mfa.resolver";
import type { Context } from "./context";

/** Every resolver of the one schema served to staff, portal users and partner apps. */
export const resolvers = [
  ViewerResolver,
  PatientResolver,
  PatientConnectionResolver,
  ContactFieldsResolver,
  PortalAccessResolver,
  PortalGrantFieldsResolver,
  PortalAccountFieldsResolver,
  PatientInviteActionResolver,
  GrantInviteActionResolver,
  InviteResolver,
  LoginEmailChangeResolver,
  PortalAuthResolver,
  PortalRoleResolver,
  StaffResolver,
  StaffUserFieldsResolver,
  SignInLockResolver,
  OrganizationResolver,
  AuditResolver,
  OnboardingStatsResolver,
  EmailTemplateResolver,
  ApiKeyResolver,
  WebhookResolver,
  BulkJobResolver,
  BulkJobItemFieldsResolver,
  ReminderResolver,
  ActivationResolver,
  ImportResolver,
  ImportJobRowFieldsResolver,
  AccessScheduleResolver,
  PortalGrantScheduleResolver,
  PatientScheduleResolver,
  MfaResolver,
  ViewerMfaResolver,
  StaffUserMfaResolver,
  PortalMfaResolver,
  PortalSelfMfaResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/**
 * type-graphql cannot describe the root types, and every mutation takes one argument named `input`
 * whose type carries the documentation: fill those descriptions in one place.
 */
function describeRoots(built: GraphQLSchema): GraphQLSchema {
  const roots: [ReturnType<GraphQLSchema["getQueryType"]>, string][] = [
    [built.getQueryType(), "What staff, portal users and partner apps can read; each field says who may ask."],
    [built.getMutationType(), "What callers can change. Every mutation takes one `input` and returns a payload with `userErrors`."],
  ];
  for (const [type, description] of roots) {
    if (!type) continue;
    type.description ??= description;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) if (arg.name === "input" && !arg.description) arg.description = "The mutation's input (see its type).";
    }
  }
  return built;
}

/** Builds the schema once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  // Nested input objects (e.g. a grid filter inside a bulk input) are validated like top-level ones.
  validateNestedInputs();
  schema ??= buildSchema({
    resolvers: [...resolvers] as never,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
    // Who may call what is decided by the access policy alone (auth/policy.ts), wrapped around the
    // built schema's resolvers, not by decorators spread over the resolvers.
  }).then((built) => enforcePolicy(describeRoots(built), (context) => (context as Context).caller));
  return schema;
}
