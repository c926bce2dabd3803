#!/usr/bin/env node
/**
 * `npm run bench`: runs every scripts/bench-*.ts through scripts/bench/run-ts.js, one after the
 * other in its own process, and passes their lines through. Exit status: the first failure's.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const scripts = fs
  .readdirSync(__dirname)
  .filter((name) => /^bench-.*\.ts$/.test(name))
  .sort();
let status = 0;
for (const name of scripts) {
  process.stdout.write(`== ${name}\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, "bench", "run-ts.js"), path.join(__dirname, name)], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0 && status === 0) status = result.status ?? 1;
}
process.exitCode = status;
