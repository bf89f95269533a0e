// The Content-Security-Policy nonce of the current document, for the few components that render
// inline <script> tags (Remix's <Scripts> and <ScrollRestoration>). The server provides the nonce
// it put in the CSP header (entry.server.tsx); the browser provides the one it read back from the
// document (entry.client.tsx), so hydration renders the same attribute the server sent.
import { createContext, useContext, type ReactNode } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider({
  nonce,
  children,
}: {
  nonce: string | undefined;
  children: ReactNode;
}) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

/** The CSP nonce for inline scripts, or undefined when the document was served without one. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/**
 * The nonce the server gave this document's scripts. Browsers hide the nonce attribute from the
 * DOM once the policy applies (getAttribute returns ""), but keep it in the `nonce` property.
 */
export function readDocumentNonce(doc: Document): string | undefined {
  const script = doc.querySelector<HTMLScriptElement>("script[nonce]");
  return script?.nonce || undefined;
}
