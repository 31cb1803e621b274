import Box from "@mui/material/Box";
import Checkbox from "@mui/material/Checkbox";
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormHelperText from "@mui/material/FormHelperText";
import FormLabel from "@mui/material/FormLabel";
import Typography from "@mui/material/Typography";

interface Props<T extends string> {
  legend: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  value: readonly T[];
  onChange: (next: T[]) => void;
  /** A userError for the field, shown under it. */
  error?: string;
  /** Why an option cannot be chosen (decided by the API, e.g. a scope the member may not give); null when it can. */
  disabledReason?: (option: T) => string | null;
  /** A line under the option saying what it does (e.g. the operations a scope opens). */
  detailOf?: (option: T) => string | null;
}

/** An option's label, with what it does and the reason it cannot be chosen under it. */
export function OptionLabel({ label, reason, detail = null }: { label: string; reason: string | null; detail?: string | null }) {
  if (!reason && !detail) return <>{label}</>;
  return (
    <Box component="span" sx={{ display: "block", py: 0.75 }}>
      {label}
      {detail ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: "block" }}>
          {detail}
        </Typography>
      ) : null}
      {reason ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: "block", fontStyle: "italic" }}>
          {reason}
        </Typography>
      ) : null}
    </Box>
  );
}

/** A fieldset of checkboxes choosing several values (API key scopes, webhook events). */
export function CheckboxGroupField<T extends string>({ legend, options, labelOf, value, onChange, error, disabledReason, detailOf }: Props<T>) {
  const toggle = (option: T) => onChange(value.includes(option) ? value.filter((x) => x !== option) : [...value, option]);
  return (
    <FormControl component="fieldset" error={!!error} variant="standard">
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup>
        {options.map((option) => {
          const reason = disabledReason?.(option) ?? null;
          const detail = detailOf?.(option) ?? null;
          return (
            <FormControlLabel
              key={option}
              disabled={!!reason}
              control={<Checkbox checked={value.includes(option)} onChange={() => toggle(option)} />}
              label={<OptionLabel label={labelOf(option)} reason={reason} detail={detail} />}
              sx={{ alignItems: reason || detail ? "flex-start" : "center", "& .MuiCheckbox-root": reason || detail ? { pt: 0.5 } : {} }}
            />
          );
        })}
      </FormGroup>
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
}
