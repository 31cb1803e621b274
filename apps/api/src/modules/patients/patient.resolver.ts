import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { AccessType, SortDirection } from "@portal/schema";
import type { Context } from "../../graphql/context";
import { pageSize } from "../../graphql/connection";
import { asPayload, parseId } from "../../graphql/user-error";
import { PortalAccount } from "../portal-access/portal-account.entity";
import { PatientFilterInput } from "../portal-access/portal-access.inputs";
import { PortalGrant } from "../portal-access/portal-grant.entity";
import { Contact } from "./contact.entity";
import { Patient } from "./patient.entity";
import { CreateContactInput, CreatePatientInput, PatientOrderInput, UpdateContactInput, UpdatePatientInput } from "./patient.inputs";
import {
  CreateContactPayload,
  CreatePatientPayload,
  PatientConnection,
  StatusCount,
  UpdateContactPayload,
  UpdatePatientPayload,
} from "./patient.payloads";

/** GraphQL null means "leave as is"; an empty string clears an optional text field. */
function patch<T extends object>(input: T, clearable: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (k === "id" || v === null || v === undefined) continue;
    out[k] = clearable.includes(k) && v === "" ? null : v;
  }
  return out;
}

@ArgsType()
class PatientsArgs {
  @Field(() => PatientFilterInput, { nullable: true, description: "Search and status filter." })
  filter?: PatientFilterInput | null;

  @Field(() => Int, { nullable: true, description: "Page size (default 50, at most 500)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor to continue after (pageInfo.endCursor)." })
  after?: string | null;

  @Field(() => PatientOrderInput, { nullable: true, description: "Sort order (default: by name, ascending)." })
  orderBy?: PatientOrderInput | null;
}

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => PatientConnection, {
    description: "Patients of the organization by name, with server-side search, status filter and counts.",
  })
  async patients(@Args(() => PatientsArgs) { filter, first, after, orderBy }: PatientsArgs, @Ctx() ctx: Context) {
    // Filters and sorts on fields the caller cannot read were refused by the policy (REVEALS).
    const order = orderBy ? { field: orderBy.field, direction: orderBy.direction ?? SortDirection.ASC } : undefined;
    // One row per list request with what was asked, not one per patient listed (rule 17).
    await ctx.auditRead({
      action: "patients.listed",
      targetType: "Patient",
      targetId: null,
      after: { filter: filter ? { ...filter } : null, orderBy: orderBy ? { ...orderBy } : null, after: after ?? null },
    });
    return ctx.services.patients.list(ctx.scope(), filter ?? {}, pageSize(first), after ?? null, order);
  }

  @Query(() => Patient, { nullable: true, description: "One patient, or null if not found in your organization." })
  async patient(@Arg("id", () => ID, { description: "The patient's id." }) id: string, @Ctx() ctx: Context) {
    if (!/^\d{1,10}$/.test(id)) return null;
    const patient = await ctx.loaders().patient.load(Number(id));
    // HIPAA audit controls: who opened whose record, from where (the Portal tab, a partner's read).
    if (patient) await ctx.auditRead({ action: "patient.viewed", targetType: "Patient", targetId: patient.id, patientId: patient.id });
    return patient;
  }

  @Mutation(() => CreatePatientPayload, { description: "Create a patient record." })
  createPatient(@Arg("input", () => CreatePatientInput) input: CreatePatientInput, @Ctx() ctx: Context) {
    return asPayload(() => ctx.services.patients.create(ctx.scope(), patch(input, ["email", "dateOfBirth"]) as never));
  }

  @Mutation(() => UpdatePatientPayload, { description: "Edit a patient record. The portal login email is not changed here." })
  updatePatient(@Arg("input", () => UpdatePatientInput) input: UpdatePatientInput, @Ctx() ctx: Context) {
    return asPayload(() =>
      ctx.services.patients.update(ctx.scope(), parseId(input.id, "id", "Patient"), patch(input, ["email", "dateOfBirth"])),
    );
  }

  @Mutation(() => CreateContactPayload, { description: "Add a contact to a patient's record." })
  createContact(@Arg("input", () => CreateContactInput) input: CreateContactInput, @Ctx() ctx: Context) {
    const { patientId, ...fields } = input;
    return asPayload(() =>
      ctx.services.patients.createContact(
        ctx.scope(),
        parseId(patientId, "patientId", "Patient"),
        patch(fields, ["email", "phone", "dateOfBirth"]) as never,
      ),
    );
  }

  @Mutation(() => UpdateContactPayload, {
    description:
      "Edit a contact. Disabling it revokes its portal access (rule 3). A new email of a contact holding access asks the new address to confirm the login (rules 14, 18) when the caller may manage portal access; otherwise the login stays.",
  })
  updateContact(@Arg("input", () => UpdateContactInput) input: UpdateContactInput, @Ctx() ctx: Context) {
    // Moving a login is what changePortalLoginEmail does: only callers the policy lets call it start one.
    const mayChangeLogin = ctx.allows("Mutation.changePortalLoginEmail");
    return asPayload(() =>
      ctx.services.patients.updateContact(ctx.scope(), parseId(input.id, "id", "Contact"), patch(input, ["email", "phone", "dateOfBirth"]), { mayChangeLogin }),
    );
  }

  @FieldResolver(() => [Contact], { description: "Contacts listed on the record." })
  contacts(@Root() patient: Patient, @Ctx() ctx: Context) {
    return ctx.loaders().contactsByPatient.load(patient.id);
  }

  @FieldResolver(() => PortalGrant, {
    nullable: true,
    description: "The patient's own (SELF) access, if enabled: login email, role, dates (rule 11).",
  })
  async portalAccess(@Root() patient: Patient, @Ctx() ctx: Context) {
    const grants = await ctx.loaders().activeGrantsByPatient.load(patient.id);
    return grants.find((g) => g.accessType === AccessType.SELF) ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Login email of the patient's own portal account, if access is enabled (it may differ from the email on file).",
  })
  async loginEmail(@Root() patient: Patient, @Ctx() ctx: Context) {
    const grants = await ctx.loaders().activeGrantsByPatient.load(patient.id);
    const self = grants.find((g) => g.accessType === AccessType.SELF);
    return self ? ((await ctx.loaders().portalAccount.load(self.accountId))?.email ?? null) : null;
  }

  @FieldResolver(() => [PortalGrant], { description: "Every active grant to this patient's profile, SELF and PROXY." })
  portalGrants(@Root() patient: Patient, @Ctx() ctx: Context) {
    return ctx.loaders().activeGrantsByPatient.load(patient.id);
  }

  @FieldResolver(() => PortalAccount, {
    nullable: true,
    description:
      "Rule 4: the existing account this patient can be linked to (its login email equals the email on file), when the patient has no access yet.",
  })
  linkableAccount(@Root() patient: Patient, @Ctx() ctx: Context) {
    return ctx.services.portalAccess.linkableAccount(ctx.scope(), patient);
  }
}

@Resolver(() => PatientConnection)
export class PatientConnectionResolver {
  @FieldResolver(() => Int, { description: "Patients matching the whole filter (search, statuses and facets)." })
  totalCount(@Root() connection: PatientConnection) {
    return connection.counts.totalCount();
  }

  @FieldResolver(() => [StatusCount], {
    description: "Patients matching the search and facets, per status (ignores the status filter), in colour order.",
  })
  statusCounts(@Root() connection: PatientConnection) {
    return connection.counts.statusCounts();
  }
}

@Resolver(() => Contact)
export class ContactFieldsResolver {
  @FieldResolver(() => PortalGrant, {
    nullable: true,
    description: "The contact's active proxy grant, with its role and the account's last sign-in.",
  })
  async portalGrant(@Root() contact: Contact, @Ctx() ctx: Context) {
    const grants = await ctx.loaders().activeGrantsByContact.load(contact.id);
    return grants[0] ?? null;
  }

  @FieldResolver(() => Patient, { description: "The patient whose record lists the contact." })
  patient(@Root() contact: Contact, @Ctx() ctx: Context) {
    return ctx.loaders().patient.load(contact.patientId);
  }
}
