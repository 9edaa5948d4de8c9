#!/usr/bin/env bash
# Health check of the compose `mongo` service; it also initiates the replica set.
#
# The first check after the real mongod is up finds the replica set not yet initiated and
# initiates it with this container's compose name as its only member (the address the
# services' drivers then use). The service is healthy once this member is the writable
# primary, so the services start against a database that accepts writes.
set -euo pipefail

# mongosh keeps logs and history under $HOME: on the tmpfs, not in the data volume.
HOME=/tmp exec mongosh --quiet --norc --host 127.0.0.1 --port 27017 \
  --username "$MONGO_INITDB_ROOT_USERNAME" --password "$MONGO_INITDB_ROOT_PASSWORD" \
  --authenticationDatabase admin --eval "
    const replicaSet = '${MONGO_REPLICA_SET:-rs0}';
    const member = '${MONGO_REPLICA_HOST:-mongo:27017}';
    try {
      rs.status();
    } catch (e) {
      if (e.codeName !== 'NotYetInitialized') throw e;
      rs.initiate({ _id: replicaSet, members: [ { _id: 0, host: member } ] });
    }
    if (!db.hello().isWritablePrimary) quit(1);
  " admin
