"""What autogenerate proposes after a rename, and when a model module was not imported."""

from snippets.migrations.models import NAMING_CONVENTION, Author, Base, Book
from snippets.support import database_url

# --8<-- [start:compare]
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine(database_url())
Base.metadata.create_all(engine)  # (1)!
with Session(engine) as session:
    session.add(Author(id=1, name="Ursula K. Le Guin"))
    session.add(Book(title="The Dispossessed", author_id=1))
    session.commit()


def edited_models() -> MetaData:
    class Base(DeclarativeBase):
        metadata = MetaData(naming_convention=NAMING_CONVENTION)

    class Author(Base):
        __tablename__ = "author"

        id: Mapped[int] = mapped_column(primary_key=True)
        full_name: Mapped[str] = mapped_column(String(50))  # (2)!

    return Base.metadata  # (3)!


def describe(change) -> str:
    """One line for a change that compare_metadata() found."""
    if isinstance(change, list):  # changes to a column come as a list
        kind, _, table, column = change[0][:4]
        return f"{kind} {table}.{column}"
    kind, *details = change
    if kind.endswith("_table"):
        return f"{kind} {details[0].name}"
    return f"{kind} {details[1]}.{details[2].name}"


with engine.connect() as connection:
    context = MigrationContext.configure(connection)
    for change in compare_metadata(context, edited_models()):  # (4)!
        print(describe(change))
        #> remove_table book
        #> add_column author.full_name
        #> remove_column author.name
# --8<-- [end:compare]
