#!/usr/bin/env bash
# First step of `npm test`: makes sure what the tests need is on this machine before anything is
# built, and otherwise stops with one line naming the command to run.
#  - Node 20.19 or newer (eslint 10 needs it).
#  - Debian's chromium (/usr/bin/chromium, launched by the browser tests), LibreOffice (`soffice` on
#    PATH, the round-trip tests) and the WenQuanYi Micro Hei font (Chinese text in the pane's
#    screenshots). As root they are installed with apt-get (about 3 minutes); otherwise it stops.
#  - node_modules: installed with `npm ci --ignore-scripts` when missing (nothing to lose); when it
#    does not match package-lock.json it stops and says so instead, because `npm ci` deletes the
#    whole folder (which may be shared, linked, or hold something being tried).
# Exit 0 when everything is there; 1 after printing the one line.
# Only bash built-ins, node and npm until something is installed: it runs on a bare machine.
set -uo pipefail
here=${BASH_SOURCE[0]}
[[ $here == */* ]] || here=./$here
cd "${here%/*}/.." || exit 1

stop() { echo "ensure-tools: $*"; exit 1; }
artifacts() { node -e 'require("fs").mkdirSync("test-artifacts", { recursive: true })'; }

# Node: the version running npm.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || stop "Node 20.19 or newer is needed (found $(node --version)): install it, then run npm test again"

# Debian packages.
has_soffice() { local found; found=$(command -v soffice 2>/dev/null) && [ -x "$found" ]; }
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
has_soffice || missing+=(libreoffice-calc-nogui)
{ fc-list | grep -qi wqy; } 2>/dev/null || [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$EUID" -ne 0 ]; then
    stop "missing ${missing[*]}: run  sudo apt-get update && sudo apt-get install -y ${missing[*]}  then npm test again"
  fi
  command -v apt-get >/dev/null 2>&1 \
    || stop "missing ${missing[*]} and no apt-get here: install Debian's ${missing[*]} (the tests expect /usr/bin/chromium and soffice on PATH)"
  artifacts
  echo "ensure-tools: installing ${missing[*]} with apt-get (about 3 minutes; log in test-artifacts/apt.log)"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } > test-artifacts/apt.log 2>&1; then
    stop "apt-get could not install ${missing[*]} (see test-artifacts/apt.log): run  apt-get update && apt-get install -y ${missing[*]}  by hand"
  fi
  [ -x /usr/bin/chromium ] && has_soffice \
    || stop "apt-get ran but /usr/bin/chromium or soffice is still missing (see test-artifacts/apt.log)"
fi

# node_modules against package-lock.json (npm records what it installed in node_modules/.package-lock.json).
if [ ! -d node_modules ]; then
  artifacts
  echo "ensure-tools: no node_modules: running npm ci --ignore-scripts (1 to 2 minutes)"
  npm ci --ignore-scripts --no-audit --no-fund > test-artifacts/npm-ci.log 2>&1 \
    || stop "npm ci --ignore-scripts failed (see test-artifacts/npm-ci.log)"
fi
node - <<'EOF' || exit 1
const fs = require("fs");
const want = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages;
let have;
try {
  have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json", "utf8")).packages;
} catch {
  have = null;
}
const name = (key) => key.replace(/^.*node_modules\//, "");
const root = want[""] ?? {};
const ours = new Set([...Object.keys(root.dependencies ?? {}), ...Object.keys(root.devDependencies ?? {})].map((n) => `node_modules/${n}`));
const direct = (key) => ours.has(key);
const differences = [];
if (have) {
  for (const [key, locked] of Object.entries(want)) {
    if (!key.startsWith("node_modules/")) continue;
    const installed = have[key];
    if (!installed && !locked.optional) differences.push([key, `${name(key)} ${locked.version} missing`]);
    else if (installed && installed.version !== locked.version) differences.push([key, `${name(key)} ${installed.version} instead of ${locked.version}`]);
  }
  for (const key of Object.keys(have)) if (!(key in want)) differences.push([key, `${name(key)} not in the lock`]);
}
if (have && differences.length === 0) process.exit(0);
differences.sort((a, b) => Number(direct(b[0])) - Number(direct(a[0]))); // package.json's own first
const shown = differences.slice(0, 3).map(([, text]) => text);
if (differences.length > 3) shown.push(`${differences.length - 3} more`);
const why = have ? shown.join(", ") : "npm did not install it";
console.log(`ensure-tools: node_modules does not match package-lock.json (${why}): run  npm ci --ignore-scripts  then npm test again`);
process.exit(1);
EOF
