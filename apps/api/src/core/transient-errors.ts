import { isRetryableTransactionError } from "../db/transaction";

// Connection-level failures: the server went away, the connection was killed or reset, or a pool
// could not hand one out for a moment. The transaction is lost, not wrong: redoing it may succeed.
const TRANSIENT_CODES = new Set([
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ER_CONNECTION_KILLED",
  "ER_SERVER_SHUTDOWN",
  "ER_QUERY_INTERRUPTED",
  "ER_CON_COUNT_ERROR",
  "SQLITE_BUSY",
]);
const TRANSIENT_ERRNOS = new Set([1927 /* connection killed */, 1053 /* server shutdown */, 1317 /* query interrupted */, 1040 /* too many connections */, 2006 /* server gone away */, 2013 /* lost connection */]);
const TRANSIENT_MESSAGES = /connection is in closed state|Connection lost|server has gone away|Pool is closed|Too many connections|connect ETIMEDOUT/i;

/**
 * True for an error that says nothing about the rows (a deadlock victim, a lock wait timeout, a
 * lost or killed connection): the whole transaction is redone after a pause. Anything else is
 * permanent for the rows it concerns.
 */
export function isTransientDatabaseError(err: unknown): boolean {
  if (isRetryableTransactionError(err)) return true;
  const e = err as { code?: string; errno?: number; message?: string; driverError?: { code?: string; errno?: number; message?: string } } | null;
  if (!e || typeof e !== "object") return false;
  const code = e.driverError?.code ?? e.code;
  const errno = e.driverError?.errno ?? e.errno;
  if ((code && TRANSIENT_CODES.has(code)) || (errno !== undefined && TRANSIENT_ERRNOS.has(errno))) return true;
  return TRANSIENT_MESSAGES.test(e.driverError?.message ?? e.message ?? "");
}
