#!/usr/bin/env bash
# The scale-out rig on one machine (README, "Beyond one machine"): a streaming replica of the
# local PostgreSQL server, made with pg_basebackup and served on another port, and PgBouncer
# in transaction mode in front of the primary.
#
#   bash scripts/scale-out-rig.sh start     # start what is absent; prints the settings to use
#   bash scripts/scale-out-rig.sh env       # the settings, as `export` lines (eval them)
#   bash scripts/scale-out-rig.sh status
#   bash scripts/scale-out-rig.sh stop      # stop what `start` started, and only that
#   bash scripts/scale-out-rig.sh stop-replica | start-replica   # the replica alone (tests)
#
# The primary must be running (127.0.0.1:5432 unless RIG_PRIMARY_PORT says otherwise) and
# accept replication connections from 127.0.0.1: when it does not, `start` adds one line
#   host replication all 127.0.0.1/32 trust   # attributed scale-out rig
# to its pg_hba.conf, reloads it, and `stop` removes that line again. Each part is started
# only when its port is free; what was started is recorded in $RIG_DIR/started and `stop`
# tears down exactly that. As root, the servers run as the user that owns the primary's
# data directory (PostgreSQL and PgBouncer refuse to run as root).
set -euo pipefail

PRIMARY_HOST=127.0.0.1
PRIMARY_PORT=${RIG_PRIMARY_PORT:-5432}
REPLICA_PORT=${RIG_REPLICA_PORT:-5433}
PGBOUNCER_PORT=${RIG_PGBOUNCER_PORT:-6432}
RIG_DIR=${RIG_DIR:-${TMPDIR:-/tmp}/attributed-scale-out-rig}
HBA_MARK="# attributed scale-out rig"
STATE=$RIG_DIR/started

psql_primary() { psql -X -q -At -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres "$@"; }

pg_bin() {
    local version
    version=$(psql_primary -c "SHOW server_version_num")
    echo "/usr/lib/postgresql/$((version / 10000))/bin"
}

# The owner of the primary's data directory runs the rig's servers.
owner() { stat -c %U "$(psql_primary -c 'SHOW data_directory')"; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u "$RIG_USER" -- "$@"; else "$@"; fi
}

is_up() { pg_isready -q -h 127.0.0.1 -p "$1"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
record() { echo "$1" >> "$STATE"; }
started() { [ -f "$STATE" ] && grep -qx "$1" "$STATE"; }

wait_for() {  # wait_for SECONDS COMMAND...
    local seconds=$1
    shift
    for _ in $(seq 1 $((seconds * 5))); do
        "$@" && return 0
        sleep 0.2
    done
    return 1
}

print_env() {
    cat <<ENV
export DATABASE_URL=postgres://postgres@127.0.0.1:$PGBOUNCER_PORT/\${RIG_DATABASE:-attributed}
export DATABASE_POOLER=transaction
export POSTGRES_JIT=true
export DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:$REPLICA_PORT/\${RIG_DATABASE:-attributed}
export SCALE_OUT_RIG=$RIG_DIR
ENV
}

allow_replication() {
    if psql -X -q -At "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres replication=true" \
        -c "IDENTIFY_SYSTEM" >/dev/null 2>&1; then
        return 0
    fi
    local hba
    hba=$(psql_primary -c "SHOW hba_file")
    echo "Allowing replication connections from 127.0.0.1 in $hba (removed again by stop)."
    printf 'host replication all 127.0.0.1/32 trust   %s\n' "$HBA_MARK" >> "$hba"
    psql_primary -c "SELECT pg_reload_conf()" >/dev/null
    record hba
    wait_for 10 psql -X -q -At "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres replication=true" \
        -c "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

start_replica() {
    local bin data=$RIG_DIR/replica
    bin=$(pg_bin)
    # A copy left by an earlier run that was not stopped may miss WAL the primary has
    # recycled since: always a fresh one.
    rm -rf "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
        echo "Copying the primary (pg_basebackup) into $data..."
        as_owner "$bin/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres \
            -D "$data" --write-recovery-conf --wal-method=stream --checkpoint=fast
        # The primary's configuration lives outside its data directory (Debian): the replica
        # gets its own, small. A hot standby needs at least the primary's connection limits.
        as_owner tee "$data/postgresql.conf" >/dev/null <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$RIG_DIR'
hot_standby = on
hot_standby_feedback = on
shared_buffers = 32MB
max_connections = $(psql_primary -c "SHOW max_connections")
max_worker_processes = $(psql_primary -c "SHOW max_worker_processes")
max_wal_senders = $(psql_primary -c "SHOW max_wal_senders")
max_prepared_transactions = $(psql_primary -c "SHOW max_prepared_transactions")
max_locks_per_transaction = $(psql_primary -c "SHOW max_locks_per_transaction")
wal_receiver_status_interval = 1s
jit = off
CONF
        as_owner tee "$data/pg_hba.conf" >/dev/null <<HBA
local all all trust
host all all 127.0.0.1/32 trust
HBA
        : | as_owner tee "$data/pg_ident.conf" >/dev/null
    fi
    echo "Starting the replica on 127.0.0.1:$REPLICA_PORT..."
    as_owner "$bin/pg_ctl" -D "$data" -l "$RIG_DIR/replica.log" -w -t 60 start >/dev/null
    wait_for 30 is_up "$REPLICA_PORT"
}

stop_replica() {
    local bin
    bin=$(pg_bin)
    if [ -f "$RIG_DIR/replica/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$RIG_DIR/replica" -m fast -w stop >/dev/null || true
    fi
}

start_pgbouncer() {
    cat > "$RIG_DIR/pgbouncer.ini" <<INI
[databases]
; Every database of the primary, test databases included.
* = host=$PRIMARY_HOST port=$PRIMARY_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir = $RIG_DIR
pidfile = $RIG_DIR/pgbouncer.pid
logfile = $RIG_DIR/pgbouncer.log
auth_type = trust
auth_file = $RIG_DIR/userlist.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 200
default_pool_size = 10
server_idle_timeout = 10
ignore_startup_parameters = extra_float_digits
INI
    echo '"postgres" ""' > "$RIG_DIR/userlist.txt"
    echo "Starting PgBouncer (transaction mode) on 127.0.0.1:$PGBOUNCER_PORT..."
    as_owner pgbouncer -q -d "$RIG_DIR/pgbouncer.ini"
    wait_for 15 is_up "$PGBOUNCER_PORT"
}

stop_pgbouncer() {
    local pid
    if [ -f "$RIG_DIR/pgbouncer.pid" ]; then
        pid=$(cat "$RIG_DIR/pgbouncer.pid")
        kill "$pid" 2>/dev/null || true
        wait_for 10 bash -c "! kill -0 $pid 2>/dev/null" || true
    fi
}

cmd_start() {
    if ! is_up "$PRIMARY_PORT"; then
        echo "PostgreSQL is not accepting connections on $PRIMARY_HOST:$PRIMARY_PORT." >&2
        exit 1
    fi
    if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
        bash "$(dirname "${BASH_SOURCE[0]}")/install-pgbouncer.sh"
    fi
    PATH=$PATH:/usr/sbin
    mkdir -p "$RIG_DIR"
    touch "$STATE"
    chown "$RIG_USER" "$RIG_DIR" 2>/dev/null || true
    chmod 700 "$RIG_DIR"

    if is_up "$REPLICA_PORT"; then
        echo "A server already answers on 127.0.0.1:$REPLICA_PORT: used as the replica."
    else
        allow_replication
        start_replica
        record replica
    fi
    if listening "$PGBOUNCER_PORT"; then
        echo "Something already listens on 127.0.0.1:$PGBOUNCER_PORT: used as PgBouncer."
    else
        start_pgbouncer
        record pgbouncer
    fi
    cmd_status
    echo
    echo "Settings for the app (or: eval \"\$(bash scripts/scale-out-rig.sh env)\"):"
    print_env
}

cmd_stop() {
    if [ ! -f "$STATE" ]; then
        echo "The rig did not start anything ($STATE is absent)."
        return 0
    fi
    if started pgbouncer; then
        echo "Stopping PgBouncer..."
        stop_pgbouncer
    fi
    if started replica; then
        echo "Stopping the replica..."
        stop_replica
    fi
    if started hba; then
        local hba
        hba=$(psql_primary -c "SHOW hba_file")
        echo "Removing the rig's replication line from $hba."
        sed -i "/$HBA_MARK\$/d" "$hba"
        psql_primary -c "SELECT pg_reload_conf()" >/dev/null
    fi
    rm -rf "$RIG_DIR"
    echo "The rig is stopped."
}

cmd_status() {
    local rc=0
    if is_up "$REPLICA_PORT"; then
        echo "replica   127.0.0.1:$REPLICA_PORT up, in recovery: $(psql -X -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -c 'SELECT pg_is_in_recovery()')"
    else
        echo "replica   127.0.0.1:$REPLICA_PORT down"
        rc=1
    fi
    if listening "$PGBOUNCER_PORT"; then
        echo "pgbouncer 127.0.0.1:$PGBOUNCER_PORT up"
    else
        echo "pgbouncer 127.0.0.1:$PGBOUNCER_PORT down"
        rc=1
    fi
    return $rc
}

RIG_USER=$(owner 2>/dev/null || id -un)

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) print_env ;;
    stop-replica) stop_replica ;;
    start-replica) as_owner "$(pg_bin)/pg_ctl" -D "$RIG_DIR/replica" -l "$RIG_DIR/replica.log" -w -t 60 start >/dev/null ;;
    *)
        echo "usage: $0 start|stop|status|env|stop-replica|start-replica" >&2
        exit 2
        ;;
esac
