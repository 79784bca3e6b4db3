# shellcheck shell=bash
# Local PostgreSQL for development and tests, from Debian's packages. Sourced by ./hotline.
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.

pg_bindir() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  return 1
}

pg_ensure_installed() {
  pg_bindir >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed. Install Debian's package: sudo apt-get install -y postgresql" >&2
    return 1
  fi
  echo "Installing PostgreSQL (Debian package postgresql)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  pg_bindir >/dev/null
}

# Run a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_free_port() {
  local port
  for port in $(seq "${1:-55432}" 65000); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# pg_start DIR [throwaway]: creates (once) and starts a cluster in DIR on 127.0.0.1; prints the connection string.
# State kept in DIR: data/, sock/, port, password, log.
pg_start() {
  local dir=$1 throwaway=${2:-} bin port password
  bin=$(pg_bindir) || return 1
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    mkdir -p "$dir/data" "$dir/sock"
    printf '%s\n' "$password" > "$dir/password"
    chmod 600 "$dir/password"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/password" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  password=$(cat "$dir/password")
  if pg_as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    port=$(cat "$dir/port")
  else
    port=$(cat "$dir/port" 2>/dev/null || true)
    # Reuse the last port when it is still free, so connection strings stay stable between runs.
    if [ -z "$port" ] || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=$(pg_free_port); fi
    echo "$port" > "$dir/port"
    local extra=""
    [ -n "$throwaway" ] && extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
      -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c max_connections=300 $extra" start >/dev/null \
      || { tail -n 20 "$dir/data/server.log" >&2; return 1; }
  fi
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
}

pg_stop() {
  local dir=$1 bin
  bin=$(pg_bindir) || return 0
  [ -f "$dir/data/PG_VERSION" ] || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}
