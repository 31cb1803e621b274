import {
  defaultFieldResolver,
  GraphQLError,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import type { ApiKeyScope, PortalPermission, StaffPermission } from "@portal/schema";
import { REVEALS, ruleOf, TYPES, OPEN, type AccessRule } from "./policy";

/** The kinds of principal a request carries (a browser may carry a staff and a portal session at once). */
export interface Caller {
  staff: ReadonlySet<StaffPermission> | null;
  keyScopes: ReadonlySet<ApiKeyScope> | null;
  portal: boolean;
}

export type Decision = "allow" | "unauthenticated" | "forbidden" | "null";

/**
 * Pure: whether a rule lets a caller through. `grantPermissions` are the portal permissions of the
 * object being read, for rules that name one.
 */
export function decide(rule: AccessRule, caller: Caller, grantPermissions?: readonly PortalPermission[]): Decision {
  if (rule.anyone) return "allow";
  const staffOk = caller.staff !== null && rule.staff !== undefined && (rule.staff === "any" || rule.staff.some((p) => caller.staff!.has(p)));
  const keyOk = caller.keyScopes !== null && (rule.keys ?? []).some((s) => caller.keyScopes!.has(s));
  const portalOk = caller.portal && rule.portal === true && (!rule.portalPermission || (grantPermissions ?? []).includes(rule.portalPermission));
  if (staffOk || keyOk || portalOk) return "allow";
  if (rule.whenDenied === "null") return "null";
  // A caller of a kind the rule names, lacking the permission, is forbidden; anyone else must sign in
  // (as that kind). A key is always told it lacks the scope: it cannot sign in as anything else.
  const named = (caller.staff !== null && rule.staff !== undefined) || (caller.portal && rule.portal === true) || caller.keyScopes !== null;
  return named ? "forbidden" : "unauthenticated";
}

/** Whether a rule can refuse someone (OPEN rules are not wrapped at all: most fields cost nothing). */
function guards(rule: AccessRule): boolean {
  return rule !== OPEN && !rule.anyone;
}

export function refusal(decision: "unauthenticated" | "forbidden", caller: Caller): GraphQLError {
  if (decision === "unauthenticated") return new GraphQLError("You must sign in.", { extensions: { code: "UNAUTHENTICATED" } });
  const message = caller.keyScopes ? "This API key lacks the scope for this field." : "You do not have permission to do this.";
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

/** Where the caller of a request is found in the GraphQL context. */
export type CallerOf = (context: unknown) => Caller;

/**
 * The input fields and enum values named in REVEALS that an argument of this type can carry, or
 * null when none can (then the arguments are not walked at all).
 */
function revealingPaths(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  if (isEnumType(named)) return named.getValues().some((v) => `${named.name}.${v.name}` in REVEALS);
  if (!isInputObjectType(named)) return false;
  return Object.values(named.getFields()).some((f) => `${named.name}.${f.name}` in REVEALS || revealingPaths(f.type, seen));
}

/** Every field an argument value reveals (REVEALS), walking nested inputs, lists and enum values. */
export function revealedFields(type: GraphQLInputType, value: unknown, out: string[] = []): string[] {
  if (value === null || value === undefined) return out;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (Array.isArray(value)) for (const v of value) revealedFields(inner.ofType as GraphQLInputType, v, out);
    return out;
  }
  if (isEnumType(inner)) {
    const name = inner.getValues().find((v) => v.value === value)?.name;
    const field = name && REVEALS[`${inner.name}.${name}`];
    if (field) out.push(field);
    return out;
  }
  if (isInputObjectType(inner) && typeof value === "object") {
    for (const field of Object.values(inner.getFields())) {
      const v = (value as Record<string, unknown>)[field.name];
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0) || v === "") continue;
      const revealed = REVEALS[`${inner.name}.${field.name}`];
      if (revealed) out.push(revealed);
      revealedFields(field.type, v, out);
    }
  }
  return out;
}

function ruleAt(path: string): AccessRule | undefined {
  const [type, field] = path.split(".");
  return ruleOf(type!, field!);
}

/**
 * Wraps every field of the schema that the policy guards with its rule, so that no resolver carries
 * a rule of its own and nested fields and mutation payloads are held alike. A field missing from
 * the policy is refused to everyone (the matrix test names it). Arguments that filter or sort on a
 * field the caller may not read are refused before the resolver runs.
 */
export function enforcePolicy(schema: GraphQLSchema, callerOf: CallerOf): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const grantPermissions = TYPES[type.name]?.grantPermissions;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const rule = ruleOf(type.name, field.name);
      const argsReveal = field.args.some((a) => revealingPaths(a.type));
      if (rule && !guards(rule) && !argsReveal) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const coordinate = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const caller = callerOf(context);
        if (!rule) throw new GraphQLError(`${coordinate} is not in the access policy.`, { extensions: { code: "FORBIDDEN" } });
        const decision = decide(rule, caller, rule.portalPermission && grantPermissions ? grantPermissions(source) : undefined);
        if (decision === "null") return null;
        if (decision !== "allow") throw refusal(decision, caller);
        if (argsReveal) {
          for (const arg of field.args) {
            for (const revealed of revealedFields(arg.type, (args as Record<string, unknown>)[arg.name])) {
              const r = ruleAt(revealed);
              const d = r ? decide(r, caller) : "forbidden";
              if (d !== "allow") {
                throw new GraphQLError(`You may not filter or sort on ${revealed}: you cannot read it.`, { extensions: { code: "FORBIDDEN" } });
              }
            }
          }
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
