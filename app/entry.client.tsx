// Hydrates the server-rendered document. Nothing on the page depends on it: every view, filter
// and chart works with JavaScript off. The CSP nonce is read back from the server's scripts so the
// hydrating <Scripts> renders the same attributes.
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { NonceProvider, readDocumentNonce } from "~/lib/security/nonce-context";

const nonce = readDocumentNonce(document);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceProvider nonce={nonce}>
        <RemixBrowser />
      </NonceProvider>
    </StrictMode>,
  );
});
