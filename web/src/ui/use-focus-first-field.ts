// Puts the keyboard focus in the first field of a form that has just opened.
import { type RefObject, useEffect } from "react";

/** On mount, focuses the first input, select or textarea inside `container`. */
export function useFocusFirstField(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    container.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [container]);
}
