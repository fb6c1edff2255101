"""A rename written as one operation: op.alter_column() keeps the column's values."""

from snippets.migrations.models import Author, Base
from snippets.support import database_url

# --8<-- [start:rename]
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import String, create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Author(name="Ursula K. Le Guin"))
    session.commit()

with engine.begin() as connection:
    op = Operations(MigrationContext.configure(connection))  # (1)!
    op.alter_column(
        "author",
        "name",
        new_column_name="full_name",
        existing_type=String(50),  # (2)!
        existing_nullable=False,
    )
    print(connection.execute(text("SELECT full_name FROM author")).all())
    #> [('Ursula K. Le Guin',)]
# --8<-- [end:rename]
