#!/usr/bin/env bash
# The one test command (`npm test`): builds what the tests exercise, runs every jest suite
# (rules, functions, workbook, CLI with LibreOffice, Office adapter on the stand-in, task pane,
# browser tests in Chromium), lint, the type check and the offline manifest check, then prints one
# summary line. scripts/ensure-tools.sh runs first: it installs or names what is missing.
set -uo pipefail
here=${BASH_SOURCE[0]}; [[ $here == */* ]] || here=./$here
cd "${here%/*}/.." || exit 1
bash scripts/ensure-tools.sh || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p test-artifacts

passed=0
failed=0
step() { # name, command...: a build or check counted as one test
  local name=$1; shift
  if "$@" > "test-artifacts/$name.log" 2>&1; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name (see test-artifacts/$name.log)"; tail -30 "test-artifacts/$name.log"
  fi
}

step lint npm run --silent lint
step typecheck npm run --silent typecheck
step build npx webpack --mode production
step build-cli npm run --silent build:cli
step validate-manifest node scripts/validate-manifest.js

npx jest --ci --json --outputFile=test-artifacts/jest.json "$@" 2>&1 | tee test-artifacts/jest.log | grep -vE '^\s*$' | tail -80
if [ -f test-artifacts/jest.json ]; then
  read -r jp jf < <(node -e 'const r=require("./test-artifacts/jest.json"); const broken=r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length; console.log(r.numPassedTests, r.numFailedTests + broken)')
  passed=$((passed + jp)); failed=$((failed + jf))
else
  failed=$((failed + 1)); echo "FAIL jest produced no report"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
