# shellcheck shell=bash
# nginx from Debian's package, as the load balancer of `./hotline cluster` and `./hotline bench --nodes 2`.
# Sourced by ./hotline. Only the binary is used: the benchmark runs it as an unprivileged process with a
# generated configuration in a temporary folder (scripts/nginx-cluster.conf), never as the system service.

nginx_bin() {
  if command -v nginx >/dev/null 2>&1; then command -v nginx; return 0; fi
  [ -x /usr/sbin/nginx ] && { echo /usr/sbin/nginx; return 0; }
  return 1
}

nginx_ensure_installed() {
  nginx_bin >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "nginx is not installed. Install Debian's package: sudo apt-get install -y nginx" >&2
    return 1
  fi
  echo "Installing nginx (Debian package nginx; its system service is not started)..." >&2
  # The package's post-install script would start the system service on port 80. A policy-rc.d that answers
  # 101 ("action forbidden") stops that; ours is created only when the machine has none, and removed after.
  local policy=/usr/sbin/policy-rc.d ours="" status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && ours=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >&2 || status=$?
  [ -n "$ours" ] && rm -f "$policy"
  [ "$status" -eq 0 ] && nginx_bin >/dev/null
}
