#!/usr/bin/env node
"use strict";
// Launcher for the built command line (npm run build:cli compiles src/ into build/).
let cli;
try {
  cli = require("../build/cli/main.js").cli;
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /build[\\/]cli[\\/]main\.js/.test(error.message)) {
    process.stderr.write("ar-addin: the command line is not built: run `npm run build:cli` first\n");
    process.exit(1);
  }
  throw error;
}
cli();
