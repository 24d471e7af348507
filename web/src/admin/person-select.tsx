// A labelled select of people for the "Create engagement" form.
import type { Person } from "../types.ts";
import { Field } from "../ui/field.tsx";

interface PersonSelectProps {
  label: string;
  people: Person[];
  value: string;
  onChange: (personId: string) => void;
  /** The text of the empty choice; the select is required unless `optional`. */
  emptyLabel: string;
  optional?: boolean;
}

export function PersonSelect({
  label,
  people,
  value,
  onChange,
  emptyLabel,
  optional = false,
}: PersonSelectProps) {
  return (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          required={!optional}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{emptyLabel}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName} ({person.email})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
