import crypto from "node:crypto";

/**
 * Seals small secrets at rest (AES-256-GCM, key derived from SESSION_SECRET with HKDF): the outbox
 * keeps the link an email will carry without holding the raw token in plain text.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(crypto.hkdfSync("sha256", secret, "portal-access", "outbox-secrets", 32));
  }

  seal(values: Record<string, string>): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
  }

  open(sealed: string): Record<string, string> {
    const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8")) as Record<string, string>;
  }
}
