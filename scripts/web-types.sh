#!/usr/bin/env bash
# Writes the BFF's OpenAPI document (apps/Bff/openapi.json) from the built BFF and generates the storefront's wire types
# from it (apps/web/lib/bff/schema.ts). Needs the test databases: GAMESDROP_TEST_POSTGRES and GAMESDROP_TEST_REDIS set as test.sh sets them.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Bff.Tests -c Release -nologo -v quiet
GAMESDROP_WRITE_OPENAPI=1 dotnet test tests/Bff.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~OpenApiDocumentTests"
(cd apps/web && npm run types)
