import type { DataSource } from "typeorm";
import { PortalStatus } from "@portal/schema";
import { createDemoData } from "../../src/db/demo-data";
import { Patient } from "../../src/modules/patients/patient.entity";
import { PortalGrant } from "../../src/modules/portal-access/portal-grant.entity";
import { StaffUser } from "../../src/modules/staff/staff-user.entity";
import { openTestDatabase } from "../test-db";

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = await openTestDatabase();
});
afterAll(async () => {
  await dataSource.destroy();
});

describe("migrations", () => {
  it("build exactly the schema the entities describe (no drift), on this dialect", async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("can be undone and re-applied", async () => {
    const before = (await dataSource.query("SELECT COUNT(*) AS n FROM migrations"))[0].n;
    await dataSource.undoLastMigration({ transaction: "each" });
    await dataSource.runMigrations({ transaction: "each" });
    const after = (await dataSource.query("SELECT COUNT(*) AS n FROM migrations"))[0].n;
    expect(Number(after)).toBe(Number(before));
  });
});

describe("demo data", () => {
  it("creates the demo organization of SPEC.md with every status, proxies and a parent of three", async () => {
    const summary = await createDemoData(dataSource, 120);
    const org = summary.organizationId;
    const staff = await dataSource.getRepository(StaffUser).findBy({ organizationId: org });
    expect(staff.map((s) => s.email).sort()).toEqual(["admin@demo.clinic", "billing@demo.clinic", "clinician@demo.clinic", "frontdesk@demo.clinic"]);
    const patients = await dataSource.getRepository(Patient).findBy({ organizationId: org });
    for (const status of Object.values(PortalStatus)) expect(patients.filter((p) => p.portalStatus === status).length).toBeGreaterThan(5);
    expect(patients.some((p) => !p.email)).toBe(true);
    expect(patients.some((p) => !p.dateOfBirth)).toBe(true);
    expect(patients.some((p) => p.language === "fr")).toBe(true);
    const proxies = await dataSource.getRepository(PortalGrant).findBy({ organizationId: org, accessType: "PROXY" as never });
    const perAccount = new Map<number, number>();
    for (const g of proxies) perAccount.set(g.accountId, (perAccount.get(g.accountId) ?? 0) + 1);
    expect(Math.max(...perAccount.values())).toBe(3);
  });
});
