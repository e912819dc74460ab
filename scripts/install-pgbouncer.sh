#!/usr/bin/env bash
# PgBouncer for the scale-out rig (scripts/scale-out-rig.sh): Debian's `pgbouncer` package.
# The package's own service is not used: the rig starts its own PgBouncer with its own
# configuration and stops it after.
#
# Idempotent: does nothing when pgbouncer is installed. As root it installs the package
# with apt-get; otherwise it prints how to install it and exits 1.
set -euo pipefail

HINT="PgBouncer is not installed. Install it with: sudo bash scripts/install-pgbouncer.sh (or: sudo apt-get install pgbouncer)"

find_pgbouncer() {
    command -v pgbouncer 2>/dev/null || { [ -x /usr/sbin/pgbouncer ] && echo /usr/sbin/pgbouncer; }
}

if path=$(find_pgbouncer); then
    echo "PgBouncer is installed: $path ($("$path" --version 2>/dev/null | head -n1 || echo 'version unknown'))"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "$HINT" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "apt-get is not available: install PgBouncer with this system's package manager." >&2
    exit 1
fi

echo "Installing PgBouncer (apt-get install pgbouncer)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends pgbouncer
# The package may start its own service (on 6432 with its default configuration): the rig
# runs its own instance, so stop the package's where a service manager started it.
if command -v service >/dev/null 2>&1; then
    service pgbouncer stop >/dev/null 2>&1 || true
fi

if ! path=$(find_pgbouncer); then
    echo "apt-get finished but no pgbouncer executable was found." >&2
    exit 1
fi
echo "PgBouncer is installed: $path ($("$path" --version 2>/dev/null | head -n1 || echo 'version unknown'))"
