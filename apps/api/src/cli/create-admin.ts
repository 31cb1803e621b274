/**
 * Creates an organization and its first administrator on a production database:
 *   DATABASE_URL=mysql://… pnpm --filter @portal/api create-admin --org "Clinic name" --email you@clinic.example --name "Your Name"
 * The password is read from ADMIN_PASSWORD or, interactively, from standard input; it is never an argument.
 */
import "reflect-metadata";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { isValidEmail, normalizeEmail, passwordProblem } from "@portal/schema";
import { hashPassword } from "../auth/passwords";
import { loadConfig } from "../config";
import { openDataSource, databaseOptionsFrom } from "../db/data-source";
import { createOrganizationWithDefaults } from "../db/demo-data";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { StaffUser } from "../modules/staff/staff-user.entity";

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const answer = await rl.question("Password for the administrator (12 to 128 characters): ");
  rl.close();
  return answer;
}

async function main() {
  const { values } = parseArgs({ options: { org: { type: "string" }, email: { type: "string" }, name: { type: "string" } } });
  if (!values.org || !values.email || !values.name || !isValidEmail(values.email)) {
    console.error('usage: create-admin --org "Clinic name" --email admin@clinic.example --name "Full Name"');
    process.exit(2);
  }
  const password = await readPassword();
  if (passwordProblem(password)) {
    console.error("The password must have 12 to 128 characters.");
    process.exit(2);
  }
  const config = loadConfig();
  const dataSource = await openDataSource(databaseOptionsFrom(config));
  await dataSource.runMigrations({ transaction: "each" });
  if (await dataSource.getRepository(StaffUser).findOneBy({ emailNormalized: normalizeEmail(values.email) })) {
    console.error("A staff user with this email already exists.");
    process.exit(1);
  }
  const { org, adminRole } = await createOrganizationWithDefaults(dataSource, values.org);
  const user = await dataSource.getRepository(StaffUser).save({
    organizationId: org.id,
    email: values.email.trim(),
    emailNormalized: normalizeEmail(values.email),
    name: values.name,
    staffRoleId: adminRole.id,
    passwordHash: await hashPassword(password),
  });
  await dataSource.getRepository(AuditEvent).insert({
    organizationId: org.id,
    actorType: "SYSTEM" as never,
    actorLabel: "create-admin",
    action: "staff_user.created",
    targetType: "StaffUser",
    targetId: String(user.id),
    after: { email: user.email, administrator: true },
  });
  console.log(`Created organization "${org.name}" (id ${org.id}) and administrator ${user.email}.`);
  await dataSource.destroy();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
