"""A custom type without cache_ok: a warning, and a statement compiled on every run."""

from snippets.seeing_sql.terminal import Terminal
from snippets.support import database_url

# --8<-- [start:type_error]
import logging
import warnings

from sqlalchemy import String, TypeDecorator, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Lowercase(TypeDecorator):
    """A string stored in lower case."""

    impl = String(50)

    def process_bind_param(self, value, dialect):
        return None if value is None else value.lower()


class Base(DeclarativeBase):
    pass


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Lowercase)


engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
engine.echo = True  # (1)!
(echo_handler,) = logging.getLogger("sqlalchemy.engine.Engine").handlers
echo_handler.setStream(Terminal())

with warnings.catch_warnings(record=True) as caught, engine.connect() as connection:
    warnings.simplefilter("always")
    for name in ["SQL", "ORM"]:
        connection.execute(select(Tag.id).where(Tag.name == name))  # (2)!
        #> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
        #> <time> INFO sqlalchemy.engine.Engine SELECT tag.id
        #> FROM tag
        #> WHERE tag.name = ?
        #> <time> INFO sqlalchemy.engine.Engine [no key …s] ('sql',)
        #> <time> INFO sqlalchemy.engine.Engine SELECT tag.id
        #> FROM tag
        #> WHERE tag.name = ?
        #> <time> INFO sqlalchemy.engine.Engine [no key …s] ('orm',)
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
print(str(caught[0].message).split(".  ")[0])  # (3)!
#> TypeDecorator Lowercase(length=50) will not produce a cache key because the ``cache_ok`` attribute is not set to True
# --8<-- [end:type_error]

# --8<-- [start:type_fix]
Lowercase.cache_ok = True  # (1)!

with warnings.catch_warnings(record=True) as caught, engine.connect() as connection:
    warnings.simplefilter("always")
    for name in ["SQL", "ORM"]:
        connection.execute(select(Tag.id).where(Tag.name == name))
        #> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
        #> <time> INFO sqlalchemy.engine.Engine SELECT tag.id
        #> FROM tag
        #> WHERE tag.name = ?
        #> <time> INFO sqlalchemy.engine.Engine [generated in …s] ('sql',)
        #> <time> INFO sqlalchemy.engine.Engine SELECT tag.id
        #> FROM tag
        #> WHERE tag.name = ?
        #> <time> INFO sqlalchemy.engine.Engine [cached since …s ago] ('orm',)
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
print(len(caught))
#> 0
# --8<-- [end:type_fix]

logging.getLogger("sqlalchemy.engine.Engine").removeHandler(echo_handler)
