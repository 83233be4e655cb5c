"""Issue 11, item 12: in docker-compose.yml the app connects, migrates and runs as its own role,
owner of its database and no superuser (deploy/postgres/01-app-rol.sh); the README says so."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_app_draait_en_migreert_als_eigenaar_zonder_superuser():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    diensten = compose["services"]
    db = diensten["db"]
    superuser = db["environment"]["POSTGRES_USER"]
    for dienst in ("web", "worker"):
        url = diensten[dienst]["environment"]["DATABASE_URL"]
        gebruiker = re.match(r"postgres://([^:@]+)[:@]", url).group(1)
        assert gebruiker == "inkoop" != superuser, dienst
    assert "migrate" in diensten["web"]["command"]  # with the app's own DATABASE_URL
    assert "./deploy/postgres:/docker-entrypoint-initdb.d:ro" in db["volumes"]

    script = (ROOT / "deploy" / "postgres" / "01-app-rol.sh").read_text()
    rol = re.search(r"CREATE ROLE inkoop ([A-Z ]+)", script).group(1).split()
    assert "NOSUPERUSER" in rol and "LOGIN" in rol and "SUPERUSER" not in rol
    assert "CREATE DATABASE inkoop OWNER inkoop" in script


def test_readme_beschrijft_de_databaserol():
    readme = (ROOT / "README.md").read_text()
    sectie = readme.split("### Databaserol", 1)[1].split("\n## ", 1)[0]
    for woord in ("NOSUPERUSER", "session_replication_role", "eigenaar", "INKOOP_DB_PASSWORD"):
        assert woord in sectie, woord
