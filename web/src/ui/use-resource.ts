// Loads one API resource for a component: its data, error and loading flag, with reload.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type ApiError, toApiError } from "../api.ts";

export interface Resource<T> {
  /** The latest data for the current key, kept while a reload runs. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

interface State<T> {
  key: string | null;
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes (and on `reload`); a `null` key loads nothing.
 * Answers that arrive after the key changed are dropped.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [state, setState] = useState<State<T>>({ key: null, data: undefined, error: null, loading: false });
  const [version, setVersion] = useState(0);
  // A new request on every key change and every reload.
  const request = key === null ? null : `${version}:${key}`;

  useEffect(() => {
    if (key === null || request === null) return;
    let live = true;
    setState((prev) => ({
      key,
      data: prev.key === key ? prev.data : undefined,
      error: null,
      loading: true,
    }));
    loadRef.current().then(
      (data) => {
        if (live) setState({ key, data, error: null, loading: false });
      },
      (error: unknown) => {
        if (live) {
          setState((prev) => ({
            key,
            data: prev.key === key ? prev.data : undefined,
            error: toApiError(error),
            loading: false,
          }));
        }
      },
    );
    return () => {
      live = false;
    };
  }, [key, request]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loading: key !== null && (!current || state.loading),
    reload,
  };
}
