import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      ".cache/",
      ".data/",
      "node_modules/",
      "tests/e2e/artifacts/",
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
