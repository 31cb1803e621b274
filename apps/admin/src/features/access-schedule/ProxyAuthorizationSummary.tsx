import { useState } from "react";
import { useMutation } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import type { ProxyBasis } from "../../gql/graphql";
import { useFormat } from "../../shared/format";
import { useNotify } from "../../shared/Notifier";
import { failureMessage, userErrorMessage } from "../../shared/user-errors";
import { RenewProxyAccessDocument } from "./access-schedule.documents";
import "./access-schedule.i18n";

export interface ScheduledGrant {
  id: string;
  proxyBasis?: ProxyBasis | null;
  basisDocumentRef?: string | null;
  basisVerifiedAt?: string | null;
  basisVerifiedByName?: string | null;
  endsOn?: string | null;
  scheduledChange?: { kind: string; on: string; reason: string } | null;
}

/** The server's next change of a proxy grant, in words: "Proxy ends on 14 Mar 2027 (age rules for minors)". */
export function ScheduledChangeText({ change }: { change: NonNullable<ScheduledGrant["scheduledChange"]> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      {t(`accessSchedule.change${change.kind}`, { date: fmt.day(change.on) })} ({t(`accessSchedule.reason${change.reason}`)})
    </>
  );
}

/**
 * Rule 21 on the Contacts tab: the proxy's basis, who verified it and when, the document reference,
 * the coming change decided by the server, and renewal in one click when the grant has an end date.
 */
export function ProxyAuthorizationSummary({ grant, onChanged, canManage }: { grant: ScheduledGrant; onChanged: () => unknown; canManage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const [renew, { loading }] = useMutation(RenewProxyAccessDocument);
  const [problem, setProblem] = useState<string | undefined>();
  const renewNow = async () => {
    setProblem(undefined);
    try {
      const res = (await renew({ variables: { input: { grantId: grant.id } } })).data?.renewProxyAccess;
      if (res?.userErrors.length) return setProblem(res.userErrors.map((e) => userErrorMessage(t, e)).join(" "));
      notify(t("accessSchedule.renewed", { date: fmt.day(res?.grant?.endsOn) }));
      await onChanged();
    } catch (e) {
      setProblem(failureMessage(t, e));
    }
  };
  const verified = grant.basisVerifiedAt
    ? grant.basisVerifiedByName
      ? t("accessSchedule.verified", { name: grant.basisVerifiedByName, date: fmt.instantDay(grant.basisVerifiedAt) })
      : t("accessSchedule.verifiedNoName", { date: fmt.instantDay(grant.basisVerifiedAt) })
    : null;
  return (
    <Box sx={{ mt: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {t("accessSchedule.basis")}: {grant.proxyBasis ? t(`accessSchedule.bases.${grant.proxyBasis}`) : t("accessSchedule.basisNone")}
        {verified ? ` · ${verified}` : ""}
        {grant.basisDocumentRef ? ` · ${t("accessSchedule.ref", { ref: grant.basisDocumentRef })}` : ""}
      </Typography>
      {grant.scheduledChange ? (
        <Typography variant="body2" color="warning.dark" sx={{ fontWeight: 500 }}>
          <ScheduledChangeText change={grant.scheduledChange} />
        </Typography>
      ) : null}
      {canManage && grant.endsOn ? (
        <Button size="small" sx={{ px: 0.5, minWidth: 0 }} disabled={loading} onClick={() => void renewNow()}>
          {t("accessSchedule.renew")}
        </Button>
      ) : null}
      {problem ? (
        <Typography variant="caption" color="error" sx={{ display: "block" }}>
          {problem}
        </Typography>
      ) : null}
    </Box>
  );
}
