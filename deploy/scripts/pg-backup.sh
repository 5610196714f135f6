#!/usr/bin/env bash
# Dumps the GamesDrop database from the running PostgreSQL task on this node (the node labelled
# gamesdrop.data) into DIR as a custom-format archive, and deletes archives older than KEEP_DAYS.
# Usage: deploy/scripts/pg-backup.sh [DIR] [KEEP_DAYS]; cron: 15 3 * * * /opt/gamesdrop/deploy/scripts/pg-backup.sh
set -euo pipefail
# A dump holds every account and (encrypted) key: readable by root alone, the folder and each archive.
umask 077
dir=${1:-/var/backups/gamesdrop}
keep_days=${2:-14}
service=${POSTGRES_SERVICE:-gamesdrop_postgres}

container=$(docker ps --quiet --filter "label=com.docker.swarm.service.name=$service" | head -n 1)
[ -n "$container" ] || { echo "no running $service task on this node" >&2; exit 1; }

mkdir -p "$dir"
chmod 700 "$dir"
archive="$dir/gamesdrop-$(date -u +%Y%m%dT%H%M%SZ).dump"
# pg_dump runs inside the container, as the database's own user, over its local socket.
docker exec "$container" sh -c 'pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" --format=custom' > "$archive.partial"
mv "$archive.partial" "$archive"
find "$dir" -name 'gamesdrop-*.dump' -mtime +"$keep_days" -delete
echo "$archive"
