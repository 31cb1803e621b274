import { Fragment, useEffect, useState } from "react";
import { Link as RouterLink } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { Empty, LoadError, Loading, PageHeader } from "../../shared/QueryState";
import { useFormat } from "../../shared/format";
import { useRunner } from "../../shared/useRunner";
import { ForcePortalPasswordChangeDocument, SetPortalAccountDisabledDocument } from "../access/access.documents";
import { useCan } from "../auth/viewer";
import { SignInLockChip, UnlockButton } from "../sign-in-locks/SignInLock";

export const PortalAccountsDocument = graphql(`
  query PortalAccounts($filter: PortalAccountFilter, $after: String) {
    portalAccounts(filter: $filter, first: 50, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          email
          disabled
          signedUp
          signedUpAt
          lastSignInAt
          mustChangePassword
          lockedUntil
          grants {
            id
            accessType
            patient {
              id
              firstName
              lastName
            }
            portalRole {
              id
              name
            }
          }
        }
      }
    }
  }
`);

type Shown = "all" | "enabled" | "disabled";
type Pending = { kind: "disable" | "force"; id: string; email: string } | null;

/** Seed 004 "User Management": every portal account, enabled and disabled. */
export function PortalUsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const run = useRunner();
  const [searchInput, setSearchInput] = useState("");
  const [search, setSearch] = useState("");
  const [shown, setShown] = useState<Shown>("all");
  const [pending, setPending] = useState<Pending>(null);
  const can = useCan();
  useEffect(() => {
    const id = setTimeout(() => setSearch(searchInput.trim()), 300);
    return () => clearTimeout(id);
  }, [searchInput]);
  const filter = { search: search || undefined, disabled: shown === "all" ? undefined : shown === "disabled" };
  const { data, loading, error, refetch, fetchMore } = useQuery(PortalAccountsDocument, { variables: { filter, after: null } });
  const [setDisabled] = useMutation(SetPortalAccountDisabledDocument);
  const [force] = useMutation(ForcePortalPasswordChangeDocument);
  const accounts = data?.portalAccounts.edges.map((e) => e.node) ?? [];
  const more = () =>
    void fetchMore({
      variables: { after: data?.portalAccounts.pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        portalAccounts: {
          ...fetchMoreResult.portalAccounts,
          edges: [...prev.portalAccounts.edges, ...fetchMoreResult.portalAccounts.edges],
        },
      }),
    });

  return (
    <Box>
      <PageHeader title={t("portalUsers.title")} subtitle={t("portalUsers.subtitle")} />
      <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ mb: 2 }}>
        <TextField
          size="small"
          type="search"
          label={t("portalUsers.search")}
          value={searchInput}
          onChange={(e) => setSearchInput(e.target.value)}
          sx={{ minWidth: 280 }}
        />
        <TextField
          size="small"
          select
          label={t("portalUsers.filter")}
          value={shown}
          onChange={(e) => setShown(e.target.value as Shown)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="all">{t("portalUsers.all")}</MenuItem>
          <MenuItem value="enabled">{t("portalUsers.enabledOnly")}</MenuItem>
          <MenuItem value="disabled">{t("portalUsers.disabledOnly")}</MenuItem>
        </TextField>
      </Stack>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <LoadError onRetry={() => void refetch()} /> : null}
      {data && !accounts.length ? <Empty>{t("portalUsers.empty")}</Empty> : null}
      {accounts.length ? (
        <Card variant="outlined">
          <TableContainer>
            <Table size="small" aria-label={t("portalUsers.title")}>
              <TableHead>
                <TableRow>
                  <TableCell>{t("portalUsers.email")}</TableCell>
                  <TableCell>{t("portalUsers.state")}</TableCell>
                  <TableCell>{t("portalUsers.signedUp")}</TableCell>
                  <TableCell>{t("portalUsers.lastSignIn")}</TableCell>
                  <TableCell>{t("portalUsers.profiles")}</TableCell>
                  <TableCell>{t("app.actions")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {accounts.map((a) => (
                  <TableRow key={a.id} hover>
                    <TableCell sx={{ wordBreak: "break-all", fontWeight: 500 }}>{a.email}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
                        <Chip
                          size="small"
                          color={a.disabled ? "error" : "success"}
                          variant="outlined"
                          label={a.disabled ? t("portalUsers.disabled") : t("portalUsers.enabled")}
                        />
                        {!a.signedUp ? <Chip size="small" label={t("portalUsers.notSignedUp")} /> : null}
                        {a.mustChangePassword ? <Chip size="small" label={t("portal.mustChangePassword")} /> : null}
                        <SignInLockChip lockedUntil={a.lockedUntil} />
                      </Stack>
                    </TableCell>
                    <TableCell>{fmt.dateTime(a.signedUpAt)}</TableCell>
                    <TableCell>{fmt.dateTime(a.lastSignInAt)}</TableCell>
                    <TableCell>
                      {a.grants.map((g, i) => (
                        <Fragment key={g.id}>
                          {i ? ", " : ""}
                          <Link component={RouterLink} to={`/patients/${g.patient.id}`}>
                            {g.patient.firstName} {g.patient.lastName}
                          </Link>{" "}
                          ({g.portalRole.name})
                        </Fragment>
                      ))}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        {/* Unlocking is for staff managers (the API's rule); others see the lock only. */}
                        {can("MANAGE_STAFF") ? (
                          <UnlockButton kind="portal" id={a.id} name={a.email} lockedUntil={a.lockedUntil} onDone={refetch} />
                        ) : null}
                        {a.disabled ? (
                          <Button
                            size="small"
                            onClick={() =>
                              void run(
                                async () =>
                                  (await setDisabled({ variables: { input: { accountId: a.id, disabled: false } } })).data
                                    ?.setPortalAccountDisabled.userErrors,
                                t("portalUsers.accountEnabled"),
                                refetch,
                              )
                            }
                          >
                            {t("portal.enableAccount")}
                          </Button>
                        ) : (
                          <Button size="small" color="error" onClick={() => setPending({ kind: "disable", id: a.id, email: a.email })}>
                            {t("portal.disableAccount")}
                          </Button>
                        )}
                        {a.signedUp && !a.mustChangePassword ? (
                          <Button size="small" onClick={() => setPending({ kind: "force", id: a.id, email: a.email })}>
                            {t("portal.forcePasswordChange")}
                          </Button>
                        ) : null}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {data?.portalAccounts.pageInfo.hasNextPage ? (
            <Box sx={{ p: 2, textAlign: "center" }}>
              <Button onClick={more}>{t("portalUsers.loadMore")}</Button>
            </Box>
          ) : null}
        </Card>
      ) : null}
      <ConfirmDialog
        open={pending?.kind === "disable"}
        title={t("portal.confirmDisableTitle")}
        destructive
        confirmLabel={t("portal.disableAccount")}
        onClose={() => setPending(null)}
        onConfirm={() =>
          run(
            async () =>
              (await setDisabled({ variables: { input: { accountId: pending!.id, disabled: true } } })).data?.setPortalAccountDisabled
                .userErrors,
            t("portalUsers.accountDisabled"),
            refetch,
          )
        }
      >
        {t("portal.confirmDisable", { email: pending?.email })}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === "force"}
        title={t("portal.confirmForceTitle")}
        onClose={() => setPending(null)}
        onConfirm={() =>
          run(
            async () => (await force({ variables: { input: { accountId: pending!.id } } })).data?.forcePortalPasswordChange.userErrors,
            t("portalUsers.forced"),
            refetch,
          )
        }
      >
        {t("portal.confirmForce", { email: pending?.email })}
      </ConfirmDialog>
    </Box>
  );
}
