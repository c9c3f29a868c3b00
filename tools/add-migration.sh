#!/usr/bin/env bash
# Adds a migration with the same name to every provider's migration set (SQLite, PostgreSQL,
# SQL Server). dotnet-ef builds the contexts through Persistence/DesignTimeFactories.cs.
# Usage: tools/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: tools/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build AskPro.Web -nologo -v quiet
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project AskPro.Infrastructure \
    --startup-project AskPro.Web \
    --context "${provider}AskProDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
