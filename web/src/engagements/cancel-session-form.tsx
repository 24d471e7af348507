// The inline confirmation for cancelling a session, with an optional reason.
import { type FormEvent, useRef, useState } from "react";
import type { Session } from "../types.ts";
import { Field } from "../ui/field.tsx";
import { ErrorAlert } from "../ui/messages.tsx";
import { useAction } from "../ui/use-action.ts";
import { useFocusFirstField } from "../ui/use-focus-first-field.ts";
import { cancelSession } from "./engagements.api.ts";

interface CancelSessionFormProps {
  orgId: string;
  session: Session;
  onCancelled: (session: Session) => void;
  onClose: () => void;
}

export function CancelSessionForm({ orgId, session, onCancelled, onClose }: CancelSessionFormProps) {
  const [reason, setReason] = useState("");
  const { busy, error, run } = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await run(async () => onCancelled(await cancelSession(orgId, session.id, reason.trim())));
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="inline-form">
      <Field label="Reason (optional)">
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={busy}>
          Confirm cancellation
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Keep session
        </button>
      </div>
    </form>
  );
}
