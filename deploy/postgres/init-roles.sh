#!/bin/sh
# The Dapr profile's PostgreSQL roles: each app signs in as its own role, owns only its schemas, and reaches the
# shared outbox (messaging) as a member of gamesdrop_messaging. The Embedded host provisions the same roles itself
# from AppDatabases.All (apps/BuildingBlocks/Data/AppDatabases.cs); Deployment.Tests checks APPS below against it.
# The postgres image runs this on a fresh volume (docker-entrypoint-initdb.d); on an existing one run it once:
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/init-roles.sh
# Each role's password: the 5th field of the app's pgpass secret (/run/secrets/<app>-pgpass, Swarm), else
# $<APP>_POSTGRES_PASSWORD (compose).
set -eu

# app role owned-schemas extensions ("-": none)
APPS="bff gamesdrop_bff - -
kernel gamesdrop_kernel public pg_trgm,unaccent
checkout gamesdrop_checkout workflows -
suppliers gamesdrop_suppliers - -
notifier gamesdrop_notifier notifier -"

sql() { psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" "$@"; }

password_of() {
  if [ -f "/run/secrets/$1-pgpass" ]; then
    cut -d: -f5- "/run/secrets/$1-pgpass" | head -n 1
  else
    eval "printf %s \"\${$(echo "$1" | tr '[:lower:]' '[:upper:]')_POSTGRES_PASSWORD:?set it for the $1 role}\""
  fi
}

# Names and the password go in as psql variables, quoted by format(): %I a name, %L a literal.
own_schema() {
  sql -v schema="$1" -v role="$2" <<'SQL'
SELECT format('CREATE SCHEMA %I AUTHORIZATION %I', :'schema', :'role') WHERE NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = :'schema') \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', :'schema', :'role') \gexec
SELECT format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', :'schema') \gexec
SQL
}

sql <<'SQL'
SELECT 'CREATE ROLE gamesdrop_messaging NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gamesdrop_messaging') \gexec
SQL
own_schema messaging gamesdrop_messaging
echo "$APPS" | while read -r app role schemas extensions; do
  sql -v role="$role" -v password="$(password_of "$app")" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'role', :'password') \gexec
SELECT format('ALTER ROLE %I SET jit = off', :'role') \gexec
SELECT format('GRANT gamesdrop_messaging TO %I', :'role') \gexec
SQL
  for extension in $(echo "$extensions" | tr , ' '); do
    [ "$extension" = - ] || echo "SELECT format('CREATE EXTENSION IF NOT EXISTS %I', :'extension') \gexec" | sql -v extension="$extension"
  done
  for schema in $(echo "$schemas" | tr , ' '); do
    [ "$schema" = - ] || own_schema "$schema" "$role"
  done
done
