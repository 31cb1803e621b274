import { PatientImports1795351000000 } from "./1795351000000-PatientImports";
import { PendingLoginEmail1795340400001 } from "./1795340400001-PendingLoginEmail";
import { AccessOverTime1795353000000 } from "./1795353000000-AccessOverTime";
import { SignInLocksAndIdleSessions1795340100000 } from "./1795340100000-SignInLocksAndIdleSessions";
import { GrantSuspension1795340200000 } from "./1795340200000-GrantSuspension";
import { MultiFactorAuth1795340300000 } from "./1795340300000-MultiFactorAuth";
import { DevMailboxSealed1795340400000 } from "./1795340400000-DevMailboxSealed";
import { Webhooks1795338380763 } from "./1795338380763-Webhooks";
import { EmailDelivery1795337244527 } from "./1795337244527-EmailDelivery";
import { ApiKeys1795336726248 } from "./1795336726248-ApiKeys";
import { BulkJobs1795336925291 } from "./1795336925291-BulkJobs";
import { PortalTokensAndRateLimits1795335876311 } from "./1795335876311-PortalTokensAndRateLimits";
import { GridIndexesAndStatusCounters1795335923711 } from "./1795335923711-GridIndexesAndStatusCounters";
import { Outbox1795335446937 } from "./1795335446937-Outbox";
import { Init1795335162128 } from "./1795335162128-Init";
import { AuditAppendOnly1795335163128 } from "./1795335163128-AuditAppendOnly";
import { AccessRemovedEmail1795340600000 } from "./1795340600000-AccessRemovedEmail";
import { BulkJobRowAction1795340600001 } from "./1795340600001-BulkJobRowAction";
import { InviteProblems1795340600002 } from "./1795340600002-InviteProblems";
import { FoldedPatientNames1795340900000 } from "./1795340900000-FoldedPatientNames";
import { AuditTargetIndex1795340900001 } from "./1795340900001-AuditTargetIndex";
import { InviteRemindersAndCodes1795352000000 } from "./1795352000000-InviteRemindersAndCodes";
import { StaffInvites1795340700000 } from "./1795340700000-StaffInvites";
import { ContactPhone1795340800000 } from "./1795340800000-ContactPhone";
import { DeliveryInDoubt1795350000000 } from "./1795350000000-DeliveryInDoubt";
// Generated and reviewed migrations, oldest first. `pnpm --filter @portal/api migration:generate <Name>`
// appends to this list; never edit a migration that has landed.
export const mysqlMigrations: Function[] = [
  Init1795335162128,
  AuditAppendOnly1795335163128,
  Outbox1795335446937,
  PortalTokensAndRateLimits1795335876311,
  GridIndexesAndStatusCounters1795335923711,
  ApiKeys1795336726248,
  BulkJobs1795336925291,
  EmailDelivery1795337244527,
  Webhooks1795338380763,
  SignInLocksAndIdleSessions1795340100000,
  GrantSuspension1795340200000,
  MultiFactorAuth1795340300000,
  DevMailboxSealed1795340400000,
  PendingLoginEmail1795340400001,
  AccessRemovedEmail1795340600000,
  BulkJobRowAction1795340600001,
  InviteProblems1795340600002,
  StaffInvites1795340700000,
  ContactPhone1795340800000,
  FoldedPatientNames1795340900000,
  AuditTargetIndex1795340900001,
  InviteRemindersAndCodes1795352000000,
  DeliveryInDoubt1795350000000,
  AccessOverTime1795353000000,
  PatientImports1795351000000,
];
