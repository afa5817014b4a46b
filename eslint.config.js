// ESLint for the project's own scripts (make lint): the map's, drawn in its frame, and the
// page's. They are plain scripts for the browser, each wrapped in a function; vendored
// libraries are not ours to lint.
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["**/vendor/**", ".venv/**", "node_modules/**", "build/**"] },
  js.configs.recommended,
  {
    files: ["itinerary/render/static/*.js", "itinerary_app/static/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, L: "readonly", topojson: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { args: "none" }],
      eqeqeq: "error",
      "no-var": "off",
      strict: ["error", "function"],
    },
  },
  { files: ["eslint.config.js"], languageOptions: { sourceType: "commonjs",
    globals: globals.node } },
  { files: ["scripts/*.mjs"], languageOptions: { sourceType: "module", globals: globals.node } },
];
