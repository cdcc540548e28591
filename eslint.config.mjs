import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Pages and components ask lib/ what a member may see and do (the reads check their own
// permission, lib/auth/abilities.ts names the controls): they never check a permission themselves.
const HAS_PERMISSION = {
  name: "@/lib/auth/permissions",
  importNames: ["hasPermission"],
  message: "Read through lib/<domain>/ (it checks the permission) and offer controls from lib/auth/abilities.ts.",
};
const MEMBER_MAY = {
  name: "@/lib/auth/membership",
  importNames: ["memberMay"],
  message: "Read through lib/<domain>/ (it checks the permission) and offer controls from lib/auth/abilities.ts.",
};
const NEXT_INTL_FORMATTER = {
  name: "next-intl/server",
  importNames: ["getFormatter"],
  message: "Format with getFormatter from @/lib/i18n/format: it keeps its Intl objects, next-intl's are built anew every request.",
};
// One shape for every write: an operation (lib/operations/define.ts) runs inside the
// executor's transaction and never opens its own, so another operation can compose it.
const OWN_TRANSACTION = {
  name: "@/db/transaction",
  importNames: ["transaction"],
  message: "Write as an operation (defineOperation) run by lib/operations/execute.ts: it opens the transaction.",
};
const LIB_NOT_PAGES = { regex: "^@/(app|components)(/|$)", message: "The domain (lib/) never imports a page or a component." };
const NEXT_LINK = {
  name: "next/link",
  message: "Link with @/components/ui/link: a plain anchor that <SoftLinks> navigates, without next/link's JavaScript on every page.",
};

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
  // db/engine.ts reads DATABASE_URL's scheme alone, at load: the tables (db/schema) are chosen
  // before anything could call lib/env.ts, which db/ may not import; lib/env.ts validates it.
  {
    files: ["lib/env.ts", "db/engine.ts", "scripts/**", "e2e/**", "*.config.*", "next.config.js", "instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Services are async: a call that is neither awaited nor returned (nor marked `void` on
  // purpose) would let a write's failure pass unseen, and an async callback handed to
  // forEach runs unordered. Needs the type checker (projectService).
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["*.config.*"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  // One way to write: transaction() in db/transaction.ts (queue, BEGIN IMMEDIATE, after-commit
  // work). The large seed's bulk loader writes a million rows through the raw driver.
  {
    files: ["lib/**", "app/**", "components/**", "scripts/**", "e2e/**"],
    ignores: ["lib/seed/large.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Write through transaction() from db/transaction.ts.",
        },
      ],
    },
  },
  // One way to read, on both engines: await the query builder (db/query.ts's firstRow for one
  // row). better-sqlite3's synchronous .get()/.all()/.run() do not exist on PostgreSQL. Tests,
  // the test world and the bulk seed may use the raw SQLite driver; shared code may not.
  {
    files: ["lib/**", "app/**", "components/**", "db/**"],
    // db/transaction.ts is where the drivers' own transactions are opened.
    ignores: ["**/*.test.ts", "lib/testing/**", "lib/invariants/**", "lib/seed/large.ts", "db/testing/**", "db/transaction.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='transaction']", message: "Write through transaction() from db/transaction.ts." },
        {
          selector: "CallExpression[arguments.length=0][callee.property.name=/^(get|all|run)$/]",
          message: "Await the query instead (firstRow from db/query.ts for one row): .get()/.all()/.run() are SQLite's only.",
        },
      ],
    },
  },
  // Scripts and workers run under tsx as CommonJS, which has no top-level await: an async main().
  {
    files: ["scripts/**", "lib/testing/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='transaction']", message: "Write through transaction() from db/transaction.ts." },
        {
          selector: "AwaitExpression:not(:function AwaitExpression)",
          message: "No top-level await under tsx's CommonJS: wrap it in an async main().",
        },
      ],
    },
  },
  // The layering (STYLE.md): pages → domain (lib/) → database (db/). db/ stands alone; lib/
  // never imports a page or a component; components never reach the database and pages
  // not its schema or client. db/values/ (the stored vocabulary: states, roles, kinds) is
  // pure data that every layer may use, and a type may be named from anywhere.
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(@/|(\\.\\./)+)(lib|app|components|scripts)(/|$)", message: "db/ imports nothing from the layers above it." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NEXT_INTL_FORMATTER, OWN_TRANSACTION],
          patterns: [LIB_NOT_PAGES],
        },
      ],
    },
  },
  // Infrastructure that is not an operation of the product opens its own transactions: the
  // executor itself, the email outbox's claims, the job lease, the rate-limit counters (they
  // commit whatever the answer), Auth.js's session store and sign-in email, the first
  // operator's command, and the test world's and seeds' bulk writes.
  {
    files: [
      "lib/operations/execute.ts",
      "lib/email/outbox.ts",
      "lib/webhooks/deliver.ts",
      "lib/api/idempotency.ts",
      "lib/jobs/lease.ts",
      "lib/rate-limits/limiter.ts",
      "lib/auth/adapter.ts",
      "lib/auth/auth.ts",
      "lib/auth/session.ts",
      "lib/operator/bootstrap.ts",
      "lib/seed/**",
      "lib/testing/**",
      "lib/invariants/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-imports": ["error", { paths: [NEXT_INTL_FORMATTER], patterns: [LIB_NOT_PAGES] }] },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [HAS_PERMISSION, MEMBER_MAY, NEXT_LINK, NEXT_INTL_FORMATTER],
          patterns: [
            {
              regex: "^@/db/(?!values/)",
              allowTypeImports: true,
              message: "Pages and components read and write through lib/<domain>/, never the schema or the client.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [HAS_PERMISSION, MEMBER_MAY, NEXT_LINK, NEXT_INTL_FORMATTER],
          patterns: [
            { regex: "^@/db/(?!values/)", allowTypeImports: true, message: "Components never reach the database." },
            {
              regex: "^@/lib/(db|server-context)$",
              message: "Components never reach the database: the page reads through lib/ and passes what it read.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
