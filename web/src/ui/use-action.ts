// One action at a time on a form or button: `busy` while it runs, its error message after a failure.
import { useState } from "react";
import { type ApiError, toApiError } from "../api.ts";

export interface Action {
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  /**
   * Runs `work` unless an action is already running; a failure becomes `error`, unless `onFailure`
   * handles it by returning true.
   */
  run: (work: () => Promise<void>, onFailure?: (error: ApiError) => boolean) => Promise<void>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Promise<void>, onFailure?: (error: ApiError) => boolean): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      const apiError = toApiError(caught);
      if (onFailure?.(apiError) !== true) setError(apiError.message);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
