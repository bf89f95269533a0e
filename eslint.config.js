import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// The layer order (ADR 016): a module may import its own folder and the folders listed after its
// own, never one listed before it, so no two folders import each other and nothing low reaches
// up into a page. Bands, top to bottom: routes → server shell → components → pages (and the page
// modules still under lib/) → charts/export → metrics registry/filters → etl/auth/privacy/format
// → db/i18n/env. Cross-folder imports go through the ~/ alias, which is what the rule reads.
export const LAYERS = [
  {
    name: "routes",
    files: ["app/routes/**", "app/root.tsx", "app/entry.*.tsx"],
    imports: ["~/routes", "~/root", "~/entry.*"],
  },
  { name: "lib/server", files: ["app/lib/server/**"], imports: ["~/lib/server"] },
  { name: "components", files: ["app/components/**"], imports: ["~/components"] },
  { name: "pages", files: ["app/pages/**"], imports: ["~/pages"] },
  { name: "lib/quality", files: ["app/lib/quality/**"], imports: ["~/lib/quality"] },
  { name: "lib/uploads", files: ["app/lib/uploads/**"], imports: ["~/lib/uploads"] },
  { name: "lib/methodology", files: ["app/lib/methodology/**"], imports: ["~/lib/methodology"] },
  { name: "lib/api", files: ["app/lib/api/**"], imports: ["~/lib/api"] },
  { name: "lib/charts", files: ["app/lib/charts/**"], imports: ["~/lib/charts"] },
  { name: "lib/export", files: ["app/lib/export/**"], imports: ["~/lib/export"] },
  { name: "lib/metrics", files: ["app/lib/metrics/**"], imports: ["~/lib/metrics"] },
  { name: "lib/http", files: ["app/lib/http/**"], imports: ["~/lib/http"] },
  { name: "lib/filters", files: ["app/lib/filters/**"], imports: ["~/lib/filters"] },
  { name: "lib/sample", files: ["app/lib/sample/**"], imports: ["~/lib/sample"] },
  { name: "lib/reference", files: ["app/lib/reference/**"], imports: ["~/lib/reference"] },
  { name: "lib/etl", files: ["app/lib/etl/**"], imports: ["~/lib/etl"] },
  { name: "lib/marts", files: ["app/lib/marts/**"], imports: ["~/lib/marts"] },
  { name: "lib/auth", files: ["app/lib/auth/**"], imports: ["~/lib/auth"] },
  { name: "lib/privacy", files: ["app/lib/privacy/**"], imports: ["~/lib/privacy"] },
  { name: "lib/format", files: ["app/lib/format/**"], imports: ["~/lib/format"] },
  { name: "lib/url-params", files: ["app/lib/url-params/**"], imports: ["~/lib/url-params"] },
  { name: "lib/cache", files: ["app/lib/cache/**"], imports: ["~/lib/cache"] },
  { name: "lib/calendar", files: ["app/lib/calendar/**"], imports: ["~/lib/calendar"] },
  { name: "lib/security", files: ["app/lib/security/**"], imports: ["~/lib/security"] },
  { name: "lib/i18n", files: ["app/lib/i18n/**"], imports: ["~/lib/i18n"] },
  {
    name: "lib/db",
    files: ["app/lib/db/**", "app/lib/db.server.ts"],
    imports: ["~/lib/db", "~/lib/db.server"],
  },
  { name: "lib/env", files: ["app/lib/env.server.ts"], imports: ["~/lib/env.server"] },
];

// Folders with subfolders that import their parent folder's modules.
const RELATIVE_PARENT_OK = new Set(["components", "lib/etl"]);

/** One config block per layer: importing any folder listed above it is an error. */
function layerBlocks() {
  return LAYERS.slice(1).map((layer, index) => ({
    files: layer.files,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            ...LAYERS.slice(0, index + 1).map((upper) => ({
              group: upper.imports.flatMap((prefix) => [prefix, `${prefix}/**`]),
              message: `${layer.name} sits below ${upper.name} in the layer order (ADR 016): push the shared piece down instead of importing up.`,
            })),
            // A relative path out of the folder would slip past the patterns above.
            ...(RELATIVE_PARENT_OK.has(layer.name)
              ? []
              : [
                  {
                    group: ["../*"],
                    message: "Import another folder through ~/ so the layer rule sees it.",
                  },
                ]),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".cache/",
      ".data/",
      "node_modules/",
      "tests/e2e/artifacts/",
      // Deliberately bad code that tests/unit/lint-layers.test.ts lints on its own.
      "tests/fixtures/lint/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      // DB and env access stays in *.server.ts and scripts/ (house style).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["pg", "@electric-sql/pglite"],
              message: "Open the database through app/lib/db.server.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // sql.raw/ref/id/lit/table splice text into SQL; names go through the zod-checked helpers in
    // app/lib/db/sql-identifier.ts, values through bound parameters (issue 5).
    files: ["**/*.{ts,tsx,js}"],
    ignores: ["app/lib/db/sql-identifier.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["raw", "ref", "id", "lit", "table"].map((property) => ({
          object: "sql",
          property,
          message:
            "Name identifiers through app/lib/db/sql-identifier.ts (a zod enum); pass values as bound parameters; write a constant as sql<number>`0`.",
        })),
      ],
    },
  },
  ...layerBlocks(),
  {
    files: [
      "app/lib/db/**",
      "app/lib/db.server.ts",
      "app/lib/etl/**/*.server.ts",
      "scripts/**",
      "tests/**",
    ],
    rules: { "no-restricted-imports": "off" },
  },
);
