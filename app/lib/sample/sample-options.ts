// Options of the sample generator, shared by the CLI and by tests. Months start in July 2025;
// --now bounds every timestamp, and the month containing it is partial.
import { z } from "zod";

import { SAMPLE_FIRST_MONTH, listSampleMonths, localMonthStart } from "./sample-calendar";

export const SampleOptionsSchema = z
  .object({
    months: z.coerce.number().int().min(1).max(60).default(17),
    seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
    province: z
      .string()
      .regex(/^\d{1,2}$/, "a 2-digit GSO province code, e.g. 68")
      .transform((code) => code.padStart(2, "0"))
      .default("68"),
    scale: z.coerce.number().positive().max(100).default(1),
    now: z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "an ISO date-time"),
    out: z.string().min(1),
  })
  .superRefine((options, ctx) => {
    const first = localMonthStart(SAMPLE_FIRST_MONTH.year, SAMPLE_FIRST_MONTH.month);
    if (options.now < first) {
      ctx.addIssue({
        code: "custom",
        path: ["now"],
        message:
          "must be on or after 2025-07-01 (Asia/Ho_Chi_Minh): the sample starts at the merger",
      });
      return;
    }
    const last = listSampleMonths(options.months).at(-1)!;
    if (localMonthStart(last.year, last.month) > options.now) {
      ctx.addIssue({
        code: "custom",
        path: ["months"],
        message: `${options.months} months run to ${last.key}, which starts after --now (${options.now.toISOString()})`,
      });
    }
  });
export type SampleOptions = z.infer<typeof SampleOptionsSchema>;
