// The page shown when rendering a route throws (a bug): a calm message instead of a blank screen.
import { useRouteError } from "react-router-dom";
import { useTitle } from "../ui/use-title.ts";
import { Brand, PageFrame } from "./page-frame.tsx";

export function ErrorPage() {
  const error: unknown = useRouteError();
  useTitle("Something went wrong");
  console.error(error);
  return (
    <PageFrame header={<Brand />} narrow>
      <div className="card card-roomy">
        <h1>Something went wrong</h1>
        <p role="alert">
          This page ran into a problem. Reloading usually helps; your data is safe on the server.
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    </PageFrame>
  );
}
