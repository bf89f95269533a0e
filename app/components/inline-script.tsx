// A small inline script the CSP allows by the request's nonce. The server renders it and the
// browser keeps it as it is, so hydration is told not to compare its text.
export function InlineScript({ nonce, code }: { nonce: string | undefined; code: string }) {
  return (
    <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: code }} />
  );
}
