import Checkbox from "@mui/material/Checkbox";
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormHelperText from "@mui/material/FormHelperText";
import FormLabel from "@mui/material/FormLabel";

interface Props<T extends string> {
  legend: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  value: readonly T[];
  onChange: (next: T[]) => void;
  /** A userError for the field, shown under it. */
  error?: string;
}

/** A fieldset of checkboxes choosing several values (API key scopes, webhook events). */
export function CheckboxGroupField<T extends string>({ legend, options, labelOf, value, onChange, error }: Props<T>) {
  const toggle = (option: T) => onChange(value.includes(option) ? value.filter((x) => x !== option) : [...value, option]);
  return (
    <FormControl component="fieldset" error={!!error} variant="standard">
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup>
        {options.map((option) => (
          <FormControlLabel key={option} control={<Checkbox checked={value.includes(option)} onChange={() => toggle(option)} />} label={labelOf(option)} />
        ))}
      </FormGroup>
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
}
