import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "scratch/**",
    ],
  },
  {
    rules: {
      // Only lib/env.ts reads the environment (STYLE.md); everything else imports it.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
    },
  },
  // NEXT_RUNTIME is how Next tells instrumentation which runtime it is in; not configuration.
  {
    files: ["lib/env.ts", "scripts/**", "e2e/**", "*.config.*", "next.config.js", "instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
];

export default config;
