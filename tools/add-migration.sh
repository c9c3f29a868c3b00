#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: tools/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: tools/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project AskPro.Infrastructure \
    --startup-project tools/AskPro.DesignHost \
    --context "${provider}AskProDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
