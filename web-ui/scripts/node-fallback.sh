#!/bin/sh
# Called by the Maven build (maven-antrun-plugin, phase initialize) after it has checked whether
# the Node.js download host answers. Usage: node-fallback.sh <download|installed> <node install dir>
#
#   download   frontend-maven-plugin will download node.version into <dir>. Remove links an earlier
#              offline build left there, so its installer replaces them instead of writing through
#              them into the machine's own node/npm.
#   installed  the download host is unreachable and install-node-and-npm is skipped: make <dir> look
#              like the plugin's own install by linking <dir>/node -> the installed node and
#              <dir>/node_modules/npm -> the installed npm package, so the plugin's npm goals run.
#              A node the plugin downloaded earlier (a real file, not a link) is kept as it is.
set -eu

mode=${1:?mode (download|installed) missing}
dir=${2:?node install directory missing}

case "$mode" in
download)
  if [ -L "$dir/node" ]; then rm -f "$dir/node"; fi
  if [ -L "$dir/node_modules/npm" ]; then rm -f "$dir/node_modules/npm"; fi
  ;;
installed)
  if [ -e "$dir/node" ] && [ ! -L "$dir/node" ] && [ -f "$dir/node_modules/npm/bin/npm-cli.js" ]; then
    echo "node-fallback: keeping the node downloaded earlier in $dir ($("$dir/node" --version))"
    exit 0
  fi

  node_bin=$(command -v node 2>/dev/null) || {
    echo "node-fallback: the Node download host is unreachable and no 'node' is on PATH." >&2
    echo "node-fallback: install Node.js >= 20.19 (with npm) or make the download host reachable." >&2
    exit 1
  }
  node_bin=$(readlink -f "$node_bin")

  npm_root=""
  if npm_bin=$(command -v npm 2>/dev/null); then
    # e.g. /usr/bin/npm -> /usr/lib/node_modules/npm/bin/npm-cli.js: the package root is two levels up
    npm_root=$(dirname "$(dirname "$(readlink -f "$npm_bin")")")
  fi
  if [ ! -f "$npm_root/bin/npm-cli.js" ]; then
    # npm installed next to node in the usual prefix layout (<prefix>/bin/node, <prefix>/lib/node_modules/npm)
    npm_root=$(dirname "$(dirname "$node_bin")")/lib/node_modules/npm
  fi
  if [ ! -f "$npm_root/bin/npm-cli.js" ]; then
    echo "node-fallback: found node at $node_bin but no npm package (bin/npm-cli.js)." >&2
    exit 1
  fi

  mkdir -p "$dir/node_modules"
  ln -sfn "$node_bin" "$dir/node"
  ln -sfn "$npm_root" "$dir/node_modules/npm"
  echo "node-fallback: using the installed node $("$node_bin" --version) ($node_bin) and npm $("$node_bin" "$npm_root/bin/npm-cli.js" --version 2>/dev/null) ($npm_root)"
  ;;
*)
  echo "node-fallback: unknown mode '$mode'" >&2
  exit 2
  ;;
esac
