import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The store of rate-limiter-flexible's RateLimiterMySQL, shared by every API process. The library
 * writes it with positional INSERTs, so the columns and their order are its own (key, points, expire).
 * Created by a migration rather than by the library, which would need CREATE DATABASE rights.
 */
@Entity("rate_limits")
export class RateLimit {
  @PrimaryColumn({ type: "varchar", length: 255 })
  key: string;

  @Column({ type: "int", default: 0 })
  points: number;

  // Milliseconds since the epoch.
  @Column({ type: "bigint", unsigned: true, nullable: true })
  expire: string | null;
}
