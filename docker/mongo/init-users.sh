#!/usr/bin/env bash
# One database and one user per service, each user allowed to read and write its own
# database only (readWrite includes creating the indexes the services declare).
#
# The mongo image's entrypoint sources this file once, on the first start with an empty data
# volume, against a temporary local mongod; `mongo` (the shell command) and `_js_escape` come
# from that entrypoint. Changing a password in .env later does not change it here: see the
# README ("Running with docker-compose") for how to change one or start afresh.

create_service_user() {
  local database="$1" username="$2" password="$3"
  echo "Creating user '$username' for database '$database'"
  "${mongo[@]}" "$database" <<-EOJS
	db.createUser({
		user: $(_js_escape "$username"),
		pwd: $(_js_escape "$password"),
		roles: [ { role: 'readWrite', db: $(_js_escape "$database") } ]
	})
	EOJS
}

create_service_user users user-service "${USER_DB_PASSWORD:?USER_DB_PASSWORD is not set}"
create_service_user catalog catalog-service "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD is not set}"
create_service_user payments payment-service "${PAYMENT_DB_PASSWORD:?PAYMENT_DB_PASSWORD is not set}"
