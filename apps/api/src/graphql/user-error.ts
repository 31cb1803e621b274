import { Field, ObjectType } from "type-graphql";
import { UserErrorCode } from "@portal/schema";

@ObjectType({ description: "An expected failure the user can act on; nothing was changed." })
export class UserError {
  @Field(() => UserErrorCode, { description: "Machine-readable reason; switch on this, not on the message." })
  code: UserErrorCode;

  @Field(() => String, { nullable: true, description: "The input field concerned, if any (e.g. `email`)." })
  field: string | null;

  @Field({ description: "A sentence for a person (English; clients translate by code)." })
  message: string;
}

/**
 * Thrown by services for an expected failure. It rolls the transaction back ("nothing changed") and
 * the resolver turns it into `userErrors` in the payload.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }

  toUserError(): UserError {
    return Object.assign(new UserError(), { code: this.code, field: this.field, message: this.message });
  }
}

/** Throws an expected failure; typed `never` so it reads as a guard: `x ?? fail(...)`. */
export const fail = (code: UserErrorCode, message: string, field: string | null = null): never => {
  throw new UserFacingError(code, message, field);
};

/**
 * Runs a synchronous decision and returns its expected failure instead of throwing it: set-based
 * paths decide many rows with the same guards as the single action, and keep each row's reason.
 */
export function attempt<T>(decide: () => T): T | UserFacingError {
  try {
    return decide();
  } catch (err) {
    if (err instanceof UserFacingError) return err;
    throw err;
  }
}

/** Runs a service call and shapes its outcome as a mutation payload. */
export async function asPayload<T extends object>(work: () => Promise<T>): Promise<Partial<T> & { userErrors: UserError[] }> {
  try {
    const value = await work();
    return { ...value, userErrors: [] };
  } catch (err) {
    if (err instanceof UserFacingError) return { userErrors: [err.toUserError()] } as Partial<T> & { userErrors: UserError[] };
    throw err;
  }
}

/** Parses a GraphQL ID argument; anything but a positive integer is simply not found. */
export function parseId(value: string | number, field: string, what = "Record"): number {
  const n = typeof value === "number" ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2147483647) {
    throw new UserFacingError(UserErrorCode.NOT_FOUND, `${what} not found.`, field);
  }
  return n;
}
