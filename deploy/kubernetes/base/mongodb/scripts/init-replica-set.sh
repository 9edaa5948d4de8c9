#!/usr/bin/env bash
# Job mongodb-init: initiates the replica set (once) and creates or updates one database user
# per service, each allowed to read and write its own database only (readWrite includes the
# indexes the services declare). Safe to run again: an initiated set is left alone and an
# existing user gets the password its Secret holds now, which is how a password is changed.
#
# Environment: MONGODB_HOSTS (host:port of every member, comma-separated, the first being
# the member that created the root user), MONGODB_REPLICA_SET, MONGO_ROOT_USERNAME,
# MONGO_ROOT_PASSWORD, USER_DB_PASSWORD, CATALOG_DB_PASSWORD, PAYMENT_DB_PASSWORD.
set -euo pipefail
export HOME=/tmp

first="${MONGODB_HOSTS%%,*}"
root=(--quiet --norc --username "${MONGO_ROOT_USERNAME:?}" --password "${MONGO_ROOT_PASSWORD:?}"
  --authenticationDatabase admin)

echo "Waiting for $first to accept the root user"
deadline=$((SECONDS + 600))
until mongosh "${root[@]}" --host "$first" --eval 'db.adminCommand({ ping: 1 })' admin >/dev/null 2>&1; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "$first did not accept the root user within 10 minutes" >&2
    exit 1
  fi
  sleep 5
done

mongosh "${root[@]}" --host "$first" --eval '
  const members = process.env.MONGODB_HOSTS.split(",").map((host, i) => ({ _id: i, host: host.trim() }));
  try {
    rs.status();
    print("Replica set already initiated");
  } catch (e) {
    if (e.codeName !== "NotYetInitialized") throw e;
    print("Initiating replica set " + process.env.MONGODB_REPLICA_SET + " with " + members.map((m) => m.host).join(", "));
    rs.initiate({ _id: process.env.MONGODB_REPLICA_SET, members: members });
  }
' admin

echo "Waiting for a primary"
until mongosh "${root[@]}" --host "$MONGODB_REPLICA_SET/$MONGODB_HOSTS" \
    --eval 'if (!db.hello().isWritablePrimary) quit(1)' admin >/dev/null 2>&1; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "The replica set elected no primary within 10 minutes" >&2
    exit 1
  fi
  sleep 5
done

mongosh "${root[@]}" --host "$MONGODB_REPLICA_SET/$MONGODB_HOSTS" --eval '
  const services = [
    ["users", "user-service", "USER_DB_PASSWORD"],
    ["catalog", "catalog-service", "CATALOG_DB_PASSWORD"],
    ["payments", "payment-service", "PAYMENT_DB_PASSWORD"],
  ];
  for (const [database, user, variable] of services) {
    const pwd = process.env[variable];
    if (!pwd) throw new Error(variable + " is not set");
    const target = db.getSiblingDB(database);
    const roles = [{ role: "readWrite", db: database }];
    if (target.getUser(user)) {
      target.updateUser(user, { pwd: pwd, roles: roles });
      print("Updated user " + user + " of database " + database);
    } else {
      target.createUser({ user: user, pwd: pwd, roles: roles });
      print("Created user " + user + " of database " + database);
    }
  }
' admin
