// A new-password input with the length rule stated next to it.
import { Field } from "../ui/field.tsx";
import { PASSWORD_MAX, PASSWORD_MIN } from "./auth.api.ts";

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export function NewPasswordField({ label, value, onChange }: PasswordFieldProps) {
  return (
    <Field label={label} hint={`At least ${PASSWORD_MIN} characters. A short sentence is easy to remember.`}>
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
