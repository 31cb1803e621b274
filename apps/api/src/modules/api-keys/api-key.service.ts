import crypto from "node:crypto";
import type { DataSource } from "typeorm";
import { API_KEY_PREFIX, type ApiKeyScope, UserErrorCode } from "@portal/schema";
import { safeEqual, sha256 } from "../../auth/tokens";
import type { OrgScope } from "../../db/org-scope";
import { fail } from "../../graphql/user-error";
import { audit } from "../audit/audit.service";
import { decideKeyScopes } from "../staff/staff-grants";
import { heldPermissions } from "../staff/staff.service";
import { ApiKey } from "./api-key.entity";

// pak_live_<12 hex public id>_<43 base64url chars = 256 random bits>
const KEY_FORMAT = new RegExp(`^${API_KEY_PREFIX}([0-9a-f]{12})_([A-Za-z0-9_-]{43})$`);
// Writing lastUsedAt on every request would turn each read into a write; once a minute is enough to audit use.
const LAST_USE_WRITE_INTERVAL_MS = 60_000;


export type ApiKeyRejection = "MALFORMED" | "UNKNOWN" | "REVOKED" | "EXPIRED";

export class ApiKeyService {
  async create(tx: OrgScope, input: { name: string; scopes: ApiKeyScope[]; expiresAt?: Date | null }): Promise<{ apiKey: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name) fail(UserErrorCode.INVALID_INPUT, "Give the key a name.", "name");
    const scopes = [...new Set(input.scopes)].sort();
    if (scopes.length === 0) fail(UserErrorCode.INVALID_INPUT, "Choose at least one scope.", "scopes");
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) fail(UserErrorCode.INVALID_INPUT, "The expiry must be in the future.", "expiresAt");
    const publicId = crypto.randomBytes(6).toString("hex");
    const secret = `${API_KEY_PREFIX}${publicId}_${crypto.randomBytes(32).toString("base64url")}`;
    return tx.transaction(async (t) => {
      // A key acts as staff would: it may only carry scopes whose permissions its creator holds (rule 16).
      decideKeyScopes(await heldPermissions(t), scopes);
      const apiKey = await t.create(ApiKey, {
        name,
        publicId,
        secretHash: sha256(secret),
        scopes,
        createdByStaffId: t.actor.staffId,
        expiresAt: input.expiresAt ?? null,
      });
      await audit(t, { action: "api_key.created", targetType: "ApiKey", targetId: apiKey.id, after: { name, scopes, expiresAt: apiKey.expiresAt?.toISOString() ?? null } });
      return { apiKey, secret };
    });
  }

  list(scope: OrgScope): Promise<ApiKey[]> {
    return scope.find(ApiKey, { order: { id: "DESC" } });
  }

  async revoke(tx: OrgScope, id: number): Promise<{ apiKey: ApiKey }> {
    return tx.transaction(async (t) => {
      const apiKey = (await t.findOneForUpdate(ApiKey, { id })) ?? fail(UserErrorCode.NOT_FOUND, "API key not found.", "id");
      if (apiKey.revokedAt) fail(UserErrorCode.ALREADY_REVOKED, "This key is already revoked.", "id");
      apiKey.revokedAt = new Date();
      apiKey.revokedByStaffId = t.actor.staffId;
      await t.save(ApiKey, apiKey);
      await audit(t, { action: "api_key.revoked", targetType: "ApiKey", targetId: apiKey.id, before: { name: apiKey.name } });
      return { apiKey };
    });
  }

  /**
   * Checks a presented key on every request (no cache: a revoked or expired key is refused at once).
   * The lookup goes by public id; the hash comparison is constant-time.
   */
  async authenticate(dataSource: DataSource, presented: string, ip: string | null): Promise<ApiKey | ApiKeyRejection> {
    const match = KEY_FORMAT.exec(presented);
    if (!match) return "MALFORMED";
    const key = await dataSource.getRepository(ApiKey).findOneBy({ publicId: match[1] });
    if (!key || !safeEqual(key.secretHash, sha256(presented))) return "UNKNOWN";
    if (key.revokedAt) return "REVOKED";
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return "EXPIRED";
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USE_WRITE_INTERVAL_MS) {
      key.lastUsedAt = now;
      key.lastUsedIp = ip;
      await dataSource.getRepository(ApiKey).update({ id: key.id }, { lastUsedAt: now, lastUsedIp: ip });
    }
    return key;
  }
}
