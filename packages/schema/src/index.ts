export * from "./enums";
export * from "./errors";
export * from "./rules";
export * from "./partner";
export * from "./scope-access.generated";
export * from "./search";
export * from "./audit-actions";
export * from "./access-schedule";
