// Sets the document title for the page being shown.
import { useEffect } from "react";

/** Sets `<title>` to "`title` · Alliance" while the calling page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Alliance`;
  }, [title]);
}
