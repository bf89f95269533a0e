// Most data pages ship no JavaScript (handle.hydrate = false), so going Back shows them as they
// were left (the back/forward cache, or the browser's restoring of form fields) — including a
// filter <select> the reader changed just before applying it, which then disagrees with the URL
// and the figures. Whenever a page is shown, this resets every GET form (the filters) to the
// values the server rendered, which are the URL's. A progressive enhancement: with JavaScript off
// a reload puts the form right.
import { InlineScript } from "./inline-script";

export function RestoreGetFormsScript({ nonce }: { nonce: string | undefined }) {
  return (
    <InlineScript
      nonce={nonce}
      code={
        'addEventListener("pageshow",function(){for(var f of document.forms)if(f.method==="get")f.reset()});'
      }
    />
  );
}
