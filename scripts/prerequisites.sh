#!/usr/bin/env bash
# Makes sure the PostgreSQL 15 and RabbitMQ binaries the app host launches are installed.
# Usage: scripts/prerequisites.sh [extra-package ...]   (or source it and call patientflow_prerequisites)
# Quiet when everything is present; installs through apt when root, otherwise prints the command.

patientflow_prerequisites() {
    local missing=()
    [ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    if [ "$(id -u)" -ne 0 ]; then
        echo "PatientFlow needs: ${missing[*]}" >&2
        echo "Install them with:  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        return 1
    fi

    echo "installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    # Update the package lists only when apt cannot find a package we need.
    if ! apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
        apt-get update -qq || return 1
        # Releases without postgresql-15 as such still ship it as their "postgresql".
        if ! apt-cache show postgresql-15 >/dev/null 2>&1; then
            missing=("${missing[@]/#postgresql-15/postgresql}")
        fi
        apt-get install -y --no-install-recommends "${missing[@]}" || return 1
    fi

    # The Debian package may start a system broker (and its epmd) on the default ports; we run our own.
    if printf '%s\n' "${missing[@]}" | grep -qx rabbitmq-server; then
        service rabbitmq-server stop >/dev/null 2>&1 || true
        if command -v pgrep >/dev/null; then
            local pid
            for pid in $(pgrep -u rabbitmq -f beam.smp) $(pgrep -u rabbitmq -x epmd); do
                kill "$pid" 2>/dev/null || true
            done
        fi
    fi
    # Likewise the postgresql package may create and start a default cluster on 5432.
    if printf '%s\n' "${missing[@]}" | grep -qxE 'postgresql(-15)?'; then
        service postgresql stop >/dev/null 2>&1 || true
    fi
    return 0
}

# Run directly: check and exit. Sourced: only defines the function (the caller's own arguments
# are not package names), so call `patientflow_prerequisites [extra ...] || exit 1`.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    patientflow_prerequisites "$@"
    exit $?
fi
