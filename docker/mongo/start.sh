#!/usr/bin/env bash
# Entrypoint of the compose `mongo` service: a single-node replica set with access control.
#
# A replica set with authorization needs a key file for its members' internal
# authentication. With a single member nothing else ever reads it, so it is made up once on
# the first start and kept in the config volume (never in the repository or .env). Then the
# image's own entrypoint takes over: on an empty data volume it creates the root user and
# runs init-users.sh; the replica set itself is initiated by healthcheck.sh.
set -euo pipefail

key_file=/data/configdb/replica-set.key
if [ ! -s "$key_file" ]; then
  # 756 random bytes are 1008 base64 characters: within MongoDB's 6..1024 limit.
  (umask 077 && head -c 756 /dev/urandom | base64 -w 0 >"$key_file")
fi
chmod 400 "$key_file"

exec docker-entrypoint.sh mongod \
  --replSet "${MONGO_REPLICA_SET:-rs0}" \
  --keyFile "$key_file" \
  --bind_ip_all \
  --wiredTigerCacheSizeGB "${MONGO_CACHE_SIZE_GB:-0.25}"
