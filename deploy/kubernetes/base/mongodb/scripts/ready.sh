#!/usr/bin/env bash
# Readiness of a MongoDB member: it is the primary or a secondary of the replica set (so a
# rolling restart waits until the restarted member has rejoined before the next one goes).
# `hello` needs no authentication. mongosh keeps its logs under $HOME: the /tmp emptyDir.
set -euo pipefail
HOME=/tmp exec mongosh --quiet --norc --host 127.0.0.1 --port 27017 --eval '
  const hello = db.hello();
  if (!(hello.isWritablePrimary || hello.secondary)) quit(1);
' admin
