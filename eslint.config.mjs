// `npm run lint` (a step of `npm test`): typescript-eslint's recommended rules, unused variables as
// errors, and the React hooks rules, over src, test and scripts. Run with --max-warnings 0.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default defineConfig(
  { ignores: ["dist/**", "build/**", "node_modules/**", "test-artifacts/**", "test/fixtures/generated/**", "examples/out/**", ".bench/**"] },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx,js}", "scripts/**/*.{ts,js}"],
    extends: [tseslint.configs.recommended],
    rules: {
      // A parameter named with a leading underscore is unused on purpose (it documents a shape).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    // These are plain Node CommonJS scripts: require() is their module system, not a stray import.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
