// A link to a page of this site drawn only when the viewer may open that page (canOpenPage), plain
// text otherwise: no page links a viewer to a 403 (issue 12, item 4; ADR 018).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useCanOpen } from "~/lib/auth/use-viewer";

export interface PageLinkProps {
  /** A same-site href (path and query). */
  to: string;
  children: ReactNode;
  className?: string;
}

export function PageLink({ to, children, className }: PageLinkProps) {
  const canOpen = useCanOpen();
  if (!canOpen(to)) return <span className={className}>{children}</span>;
  return (
    <Link to={to} className={className}>
      {children}
    </Link>
  );
}
