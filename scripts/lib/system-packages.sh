# shellcheck shell=bash
# Debian packages the suite needs: Chromium for Playwright, PostgreSQL 15 for the server tier,
# poppler-utils to inspect generated PDFs. Sourced by scripts/test.sh and .ci/run.

# Prints the missing package names, one per line.
missing_system_packages() {
  [ -x /usr/bin/chromium ] || echo chromium
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || printf '%s\n' postgresql postgresql-contrib
  command -v pdftoppm >/dev/null 2>&1 || echo poppler-utils
}

# Installs what is missing; apt is only touched when something is. Needs root for that.
install_missing_system_packages() {
  local need
  mapfile -t need < <(missing_system_packages)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Paquets système manquants (à installer en root) : ${need[*]}" >&2
    return 1
  fi
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q "${need[@]}"
}
