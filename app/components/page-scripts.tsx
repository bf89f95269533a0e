// Remix's scripts, left out of pages whose every matched route says `handle = { hydrate: false }`:
// those pages work fully as HTML (GET forms, links), so they ship no JavaScript and no hydration
// data (which repeated every server-rendered SVG in the page's JSON).
import { ScrollRestoration, Scripts, useMatches } from "@remix-run/react";

export function shouldHydrate(handles: readonly unknown[]): boolean {
  return !handles.every(
    (handle) =>
      typeof handle === "object" &&
      handle !== null &&
      (handle as { hydrate?: unknown }).hydrate === false,
  );
}

export function PageScripts({ nonce }: { nonce?: string }) {
  // The root route has no handle of its own; only the page routes decide.
  const handles = useMatches()
    .filter((match) => match.id !== "root")
    .map((match) => match.handle);
  if (handles.length > 0 && !shouldHydrate(handles)) return null;
  return (
    <>
      <ScrollRestoration nonce={nonce} />
      <Scripts nonce={nonce} />
    </>
  );
}
