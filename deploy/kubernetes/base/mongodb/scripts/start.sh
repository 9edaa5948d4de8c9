#!/usr/bin/env bash
# Entrypoint of every MongoDB member (StatefulSet mongodb): a replica set with access control.
#
# The members authenticate to each other with the key file from the Secret mongodb-keyfile.
# mongod refuses a key file that its group or others may read, and a Secret volume cannot
# give its files to the mongodb user alone, so it is copied to an emptyDir with mode 0400.
#
# Only the first member (mongodb-0) creates the root user, through the image's own
# entrypoint, on its first start with an empty volume. The others start empty and receive
# everything by initial sync once the Job mongodb-init has initiated the replica set with
# all of them (rs.initiate refuses members that already hold data).
set -euo pipefail

key_file=/data/configdb/replica-set.key
rm -f "$key_file"
(umask 277 && cat /etc/mongodb/keyfile/keyfile >"$key_file")

if [ "${HOSTNAME##*-}" != 0 ]; then
  unset MONGO_INITDB_ROOT_USERNAME MONGO_INITDB_ROOT_PASSWORD
fi

exec docker-entrypoint.sh mongod \
  --replSet "${MONGODB_REPLICA_SET:?}" \
  --keyFile "$key_file" \
  --bind_ip_all \
  --wiredTigerCacheSizeGB "${MONGODB_CACHE_SIZE_GB:-0.25}"
