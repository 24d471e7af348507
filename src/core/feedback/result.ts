// The value an expected failure of the feedback module comes back as, instead of a throw.

/** Either the value (`ok: true`) or the reason it could not be produced (`ok: false`). */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
