// The layout of the pages reachable without signing in: sign-in, password reset, invitation, 404.
import { Outlet } from "react-router-dom";
import { Brand, PageFrame } from "./page-frame.tsx";

export function PublicLayout() {
  return (
    <PageFrame header={<Brand />} narrow>
      <Outlet />
    </PageFrame>
  );
}
