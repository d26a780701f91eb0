#!/usr/bin/env bash
# Installs what `deno task matrix` runs the module in, pinned, into the
# git-ignored .tools/matrix/: workerd, edge-runtime, Bun, playwright-core and
# esbuild from npm, and Debian's chromium (apt) unless /usr/bin/chromium exists.
# Node is the machine's own `node`. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TOOLS=.tools/matrix
PINS=(
  workerd@1.20261117.1
  edge-runtime@4.0.1
  bun@1.4.5
  playwright-core@1.65.1
  esbuild@0.28.2
)

installed() {
  local pin name version
  for pin in "${PINS[@]}"; do
    name=${pin%@*} version=${pin##*@}
    [[ -f $TOOLS/node_modules/$name/package.json ]] || return 1
    grep -q "\"version\": \"$version\"" "$TOOLS/node_modules/$name/package.json" || return 1
  done
}

if installed; then
  echo "matrix npm tools already installed in $TOOLS"
else
  mkdir -p "$TOOLS"
  # The packages' install scripts are not needed: each bin shim finds its
  # platform binary package, which the version checks below prove.
  npm install --no-save --no-audit --no-fund --prefix "$TOOLS" "${PINS[@]}"
fi
"$TOOLS/node_modules/.bin/workerd" --version
"$TOOLS/node_modules/.bin/esbuild" --version
echo "bun $("$TOOLS/node_modules/.bin/bun" --version)"
echo "node $(node --version)"

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium already installed"
else
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
/usr/bin/chromium --version 2>/dev/null | head -n 1
