#!/usr/bin/env bash
# The unit suite also runs on PostgreSQL: Debian's server, started as a throwaway cluster by
# the tests themselves (scripts/support/postgres-cluster.ts). Install it when missing.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then exit 0; fi
echo "PostgreSQL not found under /usr/lib/postgresql: installing Debian's postgresql with apt-get (needs root)…"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
echo "Installed: $(ls -d /usr/lib/postgresql/*/bin/initdb)"
