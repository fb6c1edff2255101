"""A test that fails when the migrations and the models disagree: test_migrations.py."""

from snippets.migrations.models import Base

# --8<-- [start:test]
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine


def test_the_migrations_build_the_schema_of_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'test.db'}"  # (1)!
    config = Config("alembic.ini")
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")  # (2)!
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []  # (3)!
    engine.dispose()


# --8<-- [end:test]
