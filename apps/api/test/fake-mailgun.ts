// The fake lives in src/ so that non-test code (the bulk benchmark) can start it from dist/.
export * from "../src/email/fake-mailgun";
