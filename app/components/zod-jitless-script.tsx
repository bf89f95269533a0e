// zod 4 compiles object parsers with `new Function` and, to find out whether it may, tries one as
// soon as a z.object is defined. Our CSP forbids eval, so in the browser that probe is refused and
// reported as a CSP violation (zod then falls back to its interpreter anyway). Setting zod's
// jitless option before any module runs skips the probe: a classic inline script in <head> runs
// before every module script. zod keeps its config on this global so that all copies share it;
// tests/e2e/csp.e2e.test.ts fails if a zod upgrade stops honouring it.
import { InlineScript } from "./inline-script";

export function ZodJitlessScript({ nonce }: { nonce: string | undefined }) {
  return (
    <InlineScript
      nonce={nonce}
      code={
        "globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});"
      }
    />
  );
}
