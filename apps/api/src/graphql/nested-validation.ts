import { ValidateNested } from "class-validator";
import { getMetadataStorage } from "type-graphql";

const marked = new WeakMap<object, Set<string>>();

/**
 * class-validator descends into a nested object only when the property carries @ValidateNested().
 * type-graphql turns nested input objects into instances of their classes but does not add that
 * decorator, so the limits declared on a nested input (`@MaxLength(200)` on `filter.search` inside a
 * bulk mutation's input or the `patients(filter:)` argument) were silently skipped and a 70 KB string
 * reached SQL. This marks every field of every input and arguments type whose type is itself an input
 * class (lists included: class-validator validates each item), so each nested input is validated
 * wherever it is used, without relying on each author to remember the decorator.
 *
 * Call it once the resolvers (hence every input class) are loaded and before the first request.
 */
export function validateNestedInputs(): number {
  const storage = getMetadataStorage();
  const inputClasses = new Set<unknown>(storage.inputTypes.map((type) => type.target));
  const holders = new Set<unknown>([...inputClasses, ...storage.argumentTypes.map((type) => type.target)]);
  let count = 0;
  // storage.fields holds every field as declared (before the schema build attaches them to classes).
  for (const field of storage.fields) {
    if (!holders.has(field.target) || !inputClasses.has(field.getType())) continue;
    const prototype = field.target.prototype as object;
    const done = marked.get(prototype) ?? new Set<string>();
    marked.set(prototype, done);
    if (done.has(field.name)) continue;
    ValidateNested()(prototype, field.name);
    done.add(field.name);
    count++;
  }
  return count;
}
