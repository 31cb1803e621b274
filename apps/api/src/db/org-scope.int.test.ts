import { type DataSource, In } from "typeorm";
import { ActorType, StaffPermission } from "@portal/schema";
import { buildOrg, unique } from "../../test/factories";
import { openTestDatabase } from "../../test/test-db";
import { StaffRole } from "../modules/staff/staff-role.entity";
import { isMysql } from "./dialect";
import { ACROSS_ORGANIZATIONS, OrgScope, SystemScope, systemActor, systemScope } from "./org-scope";

let dataSource: DataSource;
let orgA: number;
let orgB: number;

beforeAll(async () => {
  dataSource = await openTestDatabase();
  orgA = (await buildOrg(dataSource)).org.id;
  orgB = (await buildOrg(dataSource)).org.id;
});
afterAll(async () => {
  await dataSource.destroy();
});

const scopeOf = (organizationId: number) => systemScope(dataSource, organizationId, "org-scope test");
const role = (name: string) => ({ name, permissions: [StaffPermission.VIEW_PATIENTS] });
const names = async (organizationId: number, prefix: string) =>
  (await dataSource.getRepository(StaffRole).findBy({ organizationId })).map((r) => r.name).filter((n) => n.startsWith(prefix)).sort();

describe("OrgScope.delete", () => {
  it("deletes the organization's matching rows only, never another organization's", async () => {
    const name = unique("del ");
    const a = await scopeOf(orgA).create(StaffRole, role(name));
    const b = await scopeOf(orgB).create(StaffRole, role(name));
    // The other organization's row, even named by its id, is out of reach.
    expect(await scopeOf(orgA).delete(StaffRole, { id: b.id })).toBe(0);
    expect(await scopeOf(orgA).delete(StaffRole, { name })).toBe(1);
    expect(await dataSource.getRepository(StaffRole).findOneBy({ id: a.id })).toBeNull();
    expect(await dataSource.getRepository(StaffRole).findOneBy({ id: b.id })).not.toBeNull();
  });

  it("refuses an empty where clause instead of emptying the organization's table", async () => {
    await scopeOf(orgA).create(StaffRole, role(unique("keep ")));
    const before = await scopeOf(orgA).count(StaffRole);
    await expect(scopeOf(orgA).delete(StaffRole, {})).rejects.toThrow(/empty where/);
    await expect(scopeOf(orgA).delete(StaffRole, [])).rejects.toThrow(/empty where/);
    expect(await scopeOf(orgA).count(StaffRole)).toBe(before);
  });
});

describe("OrgScope.savepoint", () => {
  it("undoes only the failed part's writes; the transaction's other writes commit", async () => {
    const p = unique("sp1 ");
    await scopeOf(orgA).transaction(async (tx) => {
      await tx.create(StaffRole, role(`${p}a`));
      await expect(
        tx.savepoint(async (sp) => {
          await sp.create(StaffRole, role(`${p}b`));
          throw new Error("part failed");
        }),
      ).rejects.toThrow("part failed");
      await tx.create(StaffRole, role(`${p}c`));
    });
    expect(await names(orgA, p)).toEqual([`${p}a`, `${p}c`]);
  });

  it("nests three levels deep: an inner failure leaves the outer levels' writes, a success keeps its own", async () => {
    const p = unique("sp3 ");
    const result = await scopeOf(orgA).transaction(async (tx) => {
      await tx.create(StaffRole, role(`${p}1`));
      return tx.savepoint(async (l1) => {
        await l1.create(StaffRole, role(`${p}2`));
        const inner = await l1.savepoint(async (l2) => {
          await l2.create(StaffRole, role(`${p}3`));
          await l2.savepoint(async (l3) => l3.create(StaffRole, role(`${p}4`)));
          await expect(
            l2.savepoint(async (l3) => {
              await l3.create(StaffRole, role(`${p}5`));
              throw new Error("deepest failed");
            }),
          ).rejects.toThrow("deepest failed");
          return "level 2 done";
        });
        await expect(
          l1.savepoint(async (l2) => {
            await l2.create(StaffRole, role(`${p}6`));
            await l2.savepoint(async (l3) => l3.create(StaffRole, role(`${p}7`)));
            throw new Error("level 2 failed after a released level 3");
          }),
        ).rejects.toThrow("level 2 failed");
        return inner;
      });
    });
    expect(result).toBe("level 2 done");
    // 5 failed alone; 6 failed with 7, whose savepoint had been released into 6's.
    expect(await names(orgA, p)).toEqual([`${p}1`, `${p}2`, `${p}3`, `${p}4`]);
  });

  it("without a transaction, runs in a transaction of its own that rolls back on failure", async () => {
    const p = unique("sp0 ");
    await expect(
      scopeOf(orgA).savepoint(async (sp) => {
        expect(sp.inTransaction).toBe(true);
        await sp.create(StaffRole, role(`${p}x`));
        throw new Error("whole failed");
      }),
    ).rejects.toThrow("whole failed");
    await scopeOf(orgA).savepoint((sp) => sp.create(StaffRole, role(`${p}y`)));
    expect(await names(orgA, p)).toEqual([`${p}y`]);
  });

  it("lets a deadlock error through untouched, without rolling back to the savepoint (the transaction is gone on MySQL)", async () => {
    const p = unique("spd ");
    const deadlock = Object.assign(new Error("Deadlock found when trying to get lock"), { errno: 1213 });
    await scopeOf(orgA).transaction(async (tx) => {
      const caught = await tx
        .savepoint(async (sp) => {
          await sp.create(StaffRole, role(`${p}kept`));
          throw deadlock;
        })
        .catch((err: unknown) => err);
      expect(caught).toBe(deadlock);
      // No ROLLBACK TO was sent: the write is still there (a real deadlock would have ended the transaction).
      expect(await tx.count(StaffRole, { name: `${p}kept` })).toBe(1);
      await tx.delete(StaffRole, { name: `${p}kept` });
    });
  });

  it("a real deadlock inside savepoints reaches the transaction untouched, which is redone whole (MySQL); SQLite queues the two instead", async () => {
    const p = unique("dl ");
    const [r1, r2] = [await scopeOf(orgA).create(StaffRole, role(`${p}1`)), await scopeOf(orgA).create(StaffRole, role(`${p}2`))];
    const attempts = [0, 0];
    // Each waits for the other's first write (MySQL: both hold one row, then ask for the other's), or
    // not long on SQLite, which starts the second transaction only once the first has committed.
    const firstWrite = [0, 1].map(() => {
      let done!: () => void;
      const promise = new Promise<void>((r) => (done = r));
      return { promise, done };
    });
    const waitFor = (i: number) => Promise.race([firstWrite[i].promise, new Promise((r) => setTimeout(r, isMysql(dataSource) ? 10_000 : 300))]);
    const crossing = (me: number, first: StaffRole, second: StaffRole) =>
      scopeOf(orgA).transaction(async (tx) => {
        attempts[me]++;
        await tx.savepoint(async (sp) => {
          await sp.update(StaffRole, { id: first.id }, { name: `${p}${first.id}-by-${me}` });
          firstWrite[me].done();
          await waitFor(1 - me);
          await sp.update(StaffRole, { id: second.id }, { name: `${p}${second.id}-by-${me}` });
        });
      });
    await Promise.all([crossing(0, r1, r2), crossing(1, r2, r1)]);
    // MySQL picked one deadlock victim and ran its transaction again; on SQLite neither ever waited on the other.
    expect(attempts[0] + attempts[1]).toBe(isMysql(dataSource) ? 3 : 2);
    const rows = await scopeOf(orgA).find(StaffRole, { where: { id: In([r1.id, r2.id]) }, order: { id: "ASC" } });
    // Whoever committed last wrote both rows: no transaction was left half applied.
    const last = rows[0].name.endsWith("-by-0") ? 0 : 1;
    expect(rows.map((r) => r.name)).toEqual([`${p}${r1.id}-by-${last}`, `${p}${r2.id}-by-${last}`]);
  });

  it("refuses two savepoints running at once on one transaction (their statements would interleave)", async () => {
    const p = unique("spc ");
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const outcome = await scopeOf(orgA)
      .transaction(async (tx) => {
        const results = await Promise.allSettled([
          tx.savepoint(async (sp) => {
            await wait(20);
            await sp.create(StaffRole, role(`${p}a`));
          }),
          tx.savepoint(async (sp) => {
            await wait(150);
            await sp.create(StaffRole, role(`${p}b`));
          }),
        ]);
        const failure = results.find((r) => r.status === "rejected");
        throw failure ? failure.reason : new Error("no failure");
      })
      .catch((err: Error) => err.message);
    expect(outcome).toMatch(/out of order/);
    expect(await names(orgA, p)).toEqual([]);
  });
});

describe("systemScope", () => {
  it("for one organization is an OrgScope acting as the system, with tenancy applied", async () => {
    const scope = systemScope(dataSource, orgA, "nightly sweep");
    expect(scope).toBeInstanceOf(OrgScope);
    expect(scope.actor).toEqual({ type: ActorType.SYSTEM, id: null, label: "nightly sweep", staffId: null, ip: null, requestId: null });
    const other = await scopeOf(orgB).create(StaffRole, role(unique("sys ")));
    expect(await scope.findOneBy(StaffRole, { id: other.id })).toBeNull();
    expect(() => systemScope(dataSource, 0)).toThrow(/not an organization id/);
  });

  it("across organizations reaches every organization only through calls that say so, and narrows to one with forOrganization", async () => {
    const name = unique("across ");
    await scopeOf(orgA).create(StaffRole, role(name));
    await scopeOf(orgB).create(StaffRole, role(name));
    const system = systemScope(dataSource, ACROSS_ORGANIZATIONS, "job claimer");
    expect(system).toBeInstanceOf(SystemScope);
    expect(system.actor).toEqual(systemActor("job claimer"));
    const found = await system.findAcrossOrganizations(StaffRole, { where: { name } });
    expect(found.map((r) => r.organizationId).sort()).toEqual([orgA, orgB].sort());
    expect(await system.countAcrossOrganizations(StaffRole, { name })).toBe(2);
    expect((await system.findOneAcrossOrganizations(StaffRole, { name, organizationId: orgB }))?.organizationId).toBe(orgB);
    expect(await system.forOrganization(orgA).count(StaffRole, { name })).toBe(1);
    expect(await system.qbAcrossOrganizations(StaffRole, "r").where("r.name = :name", { name }).getCount()).toBe(2);

    await expect(system.updateAcrossOrganizations(StaffRole, {}, { name: "x" })).rejects.toThrow(/empty where/);
    await expect(system.deleteAcrossOrganizations(StaffRole, {})).rejects.toThrow(/empty where/);
    await expect(system.findOneAcrossOrganizations(StaffRole, {})).rejects.toThrow(/empty where/);
    expect(await system.updateAcrossOrganizations(StaffRole, { name }, { name: `${name}!` })).toBe(2);
    expect(await system.deleteAcrossOrganizations(StaffRole, { name: `${name}!` })).toBe(2);
  });

  it("across organizations has transactions and savepoints, and forOrganization stays in the transaction", async () => {
    const name = unique("sys-tx ");
    await systemScope(dataSource, ACROSS_ORGANIZATIONS).transaction(async (tx) => {
      expect(tx.inTransaction).toBe(true);
      await tx.forOrganization(orgA).create(StaffRole, role(name));
      await expect(
        tx.savepoint(async (sp) => {
          await sp.forOrganization(orgB).create(StaffRole, role(name));
          expect(await sp.countAcrossOrganizations(StaffRole, { name })).toBe(2);
          throw new Error("undo B");
        }),
      ).rejects.toThrow("undo B");
      expect(tx.forOrganization(orgB).inTransaction).toBe(true);
    });
    expect(await names(orgA, name)).toEqual([name]);
    expect(await names(orgB, name)).toEqual([]);
  });
});

describe("OrgScope helpers", () => {
  it("reads and updates its own organization row only", async () => {
    const scope = scopeOf(orgA);
    const before = await scope.organization();
    expect(before.id).toBe(orgA);
    const otherName = (await scopeOf(orgB).organization()).name;
    await scope.transaction(async (tx) => {
      const locked = await tx.organization({ lock: true });
      expect(await tx.updateOrganization({ name: `${locked.name} (renamed)` })).toBe(1);
    });
    expect((await scope.organization()).name).toBe(`${before.name} (renamed)`);
    expect((await scopeOf(orgB).organization()).name).toBe(otherName);
    // A conditional update that does not match changes nothing.
    expect(await scope.updateOrganization({ name: "never" }, { name: "not the current name" })).toBe(0);
  });

  it("as() keeps the organization and the transaction, with another actor", async () => {
    await scopeOf(orgA).transaction(async (tx) => {
      const member = tx.as({ ...tx.actor, type: ActorType.STAFF, id: "7", staffId: 7 });
      expect(member.organizationId).toBe(orgA);
      expect(member.inTransaction).toBe(true);
      expect(member.actor.staffId).toBe(7);
    });
    expect(OrgScope.open(dataSource, orgB, systemActor()).organizationId).toBe(orgB);
  });

  it("query() runs raw SQL with driver-converted parameters", async () => {
    const name = unique("raw ");
    const created = await scopeOf(orgA).create(StaffRole, role(name));
    const scope = scopeOf(orgA);
    const rows = await scope.query<{ id: number }>("SELECT id FROM staff_roles WHERE organizationId = ? AND name = ? AND createdAt <= ?", [
      scope.organizationId,
      name,
      scope.toDatabaseValue(StaffRole, "createdAt", new Date(Date.now() + 60_000)),
    ]);
    expect(rows.map((r) => Number(r.id))).toEqual([created.id]);
    expect(() => scope.toDatabaseValue(StaffRole, "nope" as never, 1)).toThrow(/no column/);
  });
});
