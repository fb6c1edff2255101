"""A model's server_default does nothing when the real table was made without it."""

from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:error]
from datetime import datetime

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    func,
    inspect,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

as_migrated = MetaData()  # (1)!
Table(
    "post",
    as_migrated,
    Column("id", Integer, primary_key=True),
    Column("title", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),  # no server_default
)


class Blog(DeclarativeBase):
    pass


class Post(Blog):
    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())  # (2)!


engine = fresh_engine_showing_times(as_migrated)

with Session(engine) as session:
    session.add(Post(title="Hello"))
    try:
        session.commit()  # (3)!
        #> BEGIN (implicit)
        #> INSERT INTO post (title) VALUES (?) RETURNING id, created_at ('Hello',)
        #> ROLLBACK
    except DBAPIError as error:  # IntegrityError, OperationalError on MariaDB
        print(type(error).__name__, error.orig)
        #> IntegrityError NOT NULL constraint failed: post.created_at
# --8<-- [end:error]

# --8<-- [start:check]
for column in inspect(engine).get_columns("post"):  # (1)!
    #> BEGIN (implicit)
    #> PRAGMA main.table_xinfo("post")
    #> ROLLBACK
    print(column["name"], column["default"])
    #> id None
    #> title None
    #> created_at None
# --8<-- [end:check]

# --8<-- [start:fix]
engine = fresh_engine_showing_times(Blog.metadata)  # (1)!
print(inspect(engine).get_columns("post")[2]["default"])
#> BEGIN (implicit)
#> PRAGMA main.table_xinfo("post")
#> ROLLBACK
#> CURRENT_TIMESTAMP

with Session(engine) as session:
    session.add(Post(title="Hello"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO post (title) VALUES (?) RETURNING id, created_at ('Hello',)
    #> COMMIT
# --8<-- [end:fix]
