import { Box, Paper, Stack, Typography } from "@mui/material";
import type { FormEvent, ReactNode } from "react";

interface Props {
  title: string;
  intro?: ReactNode;
  /** Alerts shown above the fields (errors, notices). */
  alerts?: ReactNode;
  onSubmit?(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
  footer?: ReactNode;
}

/** One centred card per task: a heading, optional alerts, the form, links below. */
export function FormPage({ title, intro, alerts, onSubmit, children, footer }: Props) {
  return (
    <Paper variant="outlined" sx={{ maxWidth: 480, mx: "auto", p: { xs: 2.5, sm: 4 } }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {title}
      </Typography>
      {intro && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {intro}
        </Typography>
      )}
      <Stack spacing={2}>
        {alerts}
        {onSubmit ? (
          <Box component="form" noValidate onSubmit={onSubmit}>
            <Stack spacing={2}>{children}</Stack>
          </Box>
        ) : (
          children
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
