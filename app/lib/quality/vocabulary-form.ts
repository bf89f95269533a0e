// The import-vocabulary page's form (POST /quality/vocabulary): map one label, or replay every
// batch's held-back rows. One zod schema at the boundary; the action trusts its output.
import { z } from "zod";
import { IMPORT_KINDS } from "~/lib/etl/fields";
import { VOCABULARY_KINDS } from "~/lib/etl/vocabulary";

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1).max(max));

export const VocabularyFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("map"),
    kind: z.enum(VOCABULARY_KINDS as [string, ...string[]]),
    alias: text(200),
    target: text(60),
    scope: z.enum(IMPORT_KINDS).optional(),
  }),
  z.object({ intent: z.literal("replay") }),
]);
export type VocabularyForm = z.infer<typeof VocabularyFormSchema>;

export function parseVocabularyForm(form: FormData) {
  const raw: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && value !== "") raw[key] = value;
  return VocabularyFormSchema.safeParse(raw);
}
