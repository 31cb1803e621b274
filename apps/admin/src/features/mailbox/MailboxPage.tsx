import { useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import List from "@mui/material/List";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { Empty, LoadError, Loading, PageHeader } from "../../shared/QueryState";
import { useFormat } from "../../shared/format";

export const DevMailboxDocument = graphql(`
  query DevMailbox($to: String) {
    devMailbox(to: $to, first: 100) {
      edges {
        node {
          id
          createdAt
          toAddress
          subject
          kind
          text
        }
      }
    }
  }
`);

/** The emails the dev-mailbox transport kept (no Mailgun key configured): read them here. */
export function MailboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  // ?to= opens the mailbox filtered (the email templates' "Send me a sample" links here).
  const [params] = useSearchParams();
  const [to, setTo] = useState(params.get("to") ?? "");
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(DevMailboxDocument, { variables: { to: to.trim() || undefined } });
  const disabled = error?.message.includes("DEV_MAILBOX_DISABLED") || JSON.stringify(error ?? "").includes("DEV_MAILBOX_DISABLED");
  const messages = data?.devMailbox.edges.map((e) => e.node) ?? [];
  const open = messages.find((m) => m.id === openId) ?? messages[0];
  return (
    <Box>
      <PageHeader title={t("mailbox.title")} subtitle={t("mailbox.subtitle")} />
      <TextField
        size="small"
        type="search"
        label={t("mailbox.to")}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        sx={{ mb: 2, minWidth: 280 }}
      />
      {loading && !data ? <Loading /> : null}
      {error && !data ? disabled ? <Empty>{t("mailbox.inactive")}</Empty> : <LoadError onRetry={() => void refetch()} /> : null}
      {data && !messages.length ? <Empty>{t("mailbox.empty")}</Empty> : null}
      {messages.length ? (
        <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", md: "2fr 3fr" }, gap: 2 }}>
          <Card variant="outlined">
            <List dense component="nav" aria-label={t("mailbox.title")}>
              {messages.map((m) => (
                <ListItemButton key={m.id} selected={m.id === open?.id} onClick={() => setOpenId(m.id)}>
                  <ListItemText primary={m.subject} secondary={`${m.toAddress} · ${fmt.dateTime(m.createdAt)}`} />
                </ListItemButton>
              ))}
            </List>
          </Card>
          {open ? (
            <Card variant="outlined" sx={{ p: 2 }}>
              <Typography variant="h6" component="h2">
                {open.subject}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {t("mailbox.to")}: {open.toAddress} · {fmt.dateTime(open.createdAt)} · {open.kind}
              </Typography>
              <Typography component="pre" sx={{ whiteSpace: "pre-wrap", fontFamily: "inherit", m: 0 }}>
                {open.text}
              </Typography>
            </Card>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
