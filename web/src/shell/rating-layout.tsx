// The layout of the rating page: a narrow, phone-first column with the name but no links into the app.
import { Outlet } from "react-router-dom";
import { PageFrame } from "./page-frame.tsx";

function PlainBrand() {
  return (
    <span className="brand">
      <span className="brand-mark" aria-hidden="true" />
      Alliance
    </span>
  );
}

export function RatingLayout() {
  return (
    <PageFrame header={<PlainBrand />} narrow>
      <Outlet />
    </PageFrame>
  );
}
