#!/usr/bin/env bash
# Starts the whole platform: PostgreSQL, RabbitMQ, every service and the gateway (http://localhost:8080).
# Installs the PostgreSQL and RabbitMQ servers from Debian's packages when they are missing.
# Options are passed to the app host: --port N, --fresh, --data DIR, --replicas N,
# --simulate [--seed N] [--speed N] (a seeded clinic day on an accelerated clock, see docs/tracking.md).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/prerequisites.sh
./scripts/build-web.sh

echo "Building PatientFlow..."
dotnet build PatientFlow.sln --configuration Release --nologo --verbosity quiet

exec dotnet apphost/PatientFlow.AppHost/bin/Release/net10.0/PatientFlow.AppHost.dll "$@"
