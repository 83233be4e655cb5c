#!/bin/sh
# Runs once, when the PostgreSQL volume is new (docker-entrypoint-initdb.d), as the superuser.
# The app gets its own role: owner of its database, no superuser. It migrates and runs the app,
# and PostgreSQL refuses it `session_replication_role = replica` and switching off system
# triggers, so the triggers that keep decisions as they were (migrations 0003 and
# 0006_beheer_bevroren_trigger) hold for it. The superuser's password is for maintenance only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v wachtwoord="$INKOOP_DB_PASSWORD" <<'SQL'
CREATE ROLE inkoop LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD :'wachtwoord';
CREATE DATABASE inkoop OWNER inkoop;
REVOKE ALL ON DATABASE inkoop FROM PUBLIC;
SQL
