import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import { getSchema } from "../../src/graphql/schema";

// Partner developers read schema.graphql first: everything in it must explain itself.
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if ("args" in field) for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("the GraphQL contract", () => {
  it("describes every type, field, argument and enum value", async () => {
    expect(undocumented(await getSchema())).toEqual([]);
  });

  it("names enum values in ALL_CAPS and fields in camelCase", async () => {
    const schema = await getSchema();
    const bad: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (isEnumType(type)) for (const v of type.getValues()) if (!/^[A-Z][A-Z0-9_]*$/.test(v.name)) bad.push(`${type.name}.${v.name}`);
      if (isObjectType(type) || isInputObjectType(type)) for (const f of Object.keys(type.getFields())) if (!/^[a-z][A-Za-z0-9]*$/.test(f)) bad.push(`${type.name}.${f}`);
    }
    expect(bad).toEqual([]);
  });
});
