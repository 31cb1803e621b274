import Box from "@mui/material/Box";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useTranslation } from "react-i18next";
import type { ProxyBasis } from "../../gql/graphql";
import "./access-schedule.i18n";

export interface ProxyAuthorizationDraft {
  basis: ProxyBasis | "";
  basisDocumentRef: string;
  endsOn: string;
}

export const BASES: ProxyBasis[] = ["PARENT", "LEGAL_GUARDIAN", "POWER_OF_ATTORNEY", "PATIENT_CONSENT"];
export const emptyAuthorization: ProxyAuthorizationDraft = { basis: "", basisDocumentRef: "", endsOn: "" };

/** The input of grantContactPortalAccess's `authorization`, or null when no basis was chosen. */
export function authorizationInput(draft: ProxyAuthorizationDraft) {
  if (!draft.basis) return null;
  return { basis: draft.basis, basisDocumentRef: draft.basisDocumentRef.trim() || null, endsOn: draft.endsOn || null };
}

/** Rule 21 in the add-proxy dialog: why the proxy is authorized, the document seen, an optional end date. */
export function ProxyAuthorizationFields({
  value,
  onChange,
  errors,
}: {
  value: ProxyAuthorizationDraft;
  onChange: (next: ProxyAuthorizationDraft) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        select
        label={t("accessSchedule.basis")}
        value={value.basis}
        onChange={(e) => onChange({ ...value, basis: e.target.value as ProxyBasis })}
        error={!!errors.basis}
        helperText={errors.basis ?? t("accessSchedule.basisHint")}
      >
        <MenuItem value="">{t("accessSchedule.basisNone")}</MenuItem>
        {BASES.map((b) => (
          <MenuItem key={b} value={b}>
            {t(`accessSchedule.bases.${b}`)}
          </MenuItem>
        ))}
      </TextField>
      {value.basis ? (
        <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", sm: "3fr 2fr" }, gap: 2 }}>
          <TextField
            label={t("accessSchedule.documentRef")}
            value={value.basisDocumentRef}
            onChange={(e) => onChange({ ...value, basisDocumentRef: e.target.value })}
            slotProps={{ htmlInput: { maxLength: 200 } }}
            error={!!errors.basisDocumentRef}
            helperText={errors.basisDocumentRef ?? t("accessSchedule.documentRefHint")}
          />
          <TextField
            label={t("accessSchedule.endsOn")}
            type="date"
            value={value.endsOn}
            onChange={(e) => onChange({ ...value, endsOn: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!errors.endsOn}
            helperText={errors.endsOn ?? t("accessSchedule.endsOnHint")}
          />
        </Box>
      ) : null}
    </>
  );
}
