// A labelled programme select for the admin forms.
import type { Programme } from "../types.ts";
import { Field } from "../ui/field.tsx";

interface ProgrammeSelectProps {
  programmes: Programme[];
  value: string;
  onChange: (programmeId: string) => void;
}

export function ProgrammeSelect({ programmes, value, onChange }: ProgrammeSelectProps) {
  return (
    <Field label="Programme">
      {(control) => (
        <select {...control} required value={value} onChange={(event) => onChange(event.target.value)}>
          {programmes.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {programme.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
