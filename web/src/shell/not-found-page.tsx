// The page for an address the app does not know.
import { Link } from "react-router-dom";
import { useTitle } from "../ui/use-title.ts";

export function NotFoundPage() {
  useTitle("Page not found");
  return (
    <div className="card card-roomy">
      <h1>Page not found</h1>
      <p>There is nothing at this address. The link may be mistyped, or the page may have moved.</p>
      <p>
        <Link to="/">Go to your engagements</Link>
      </p>
    </div>
  );
}
