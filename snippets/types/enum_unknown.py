"""A stored string the Python enum does not know: reading the row raises LookupError."""

from snippets.support import database_url
from snippets.types.model import Article, Base

# --8<-- [start:unknown]
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
with engine.begin() as connection:  # (1)!
    connection.execute(
        text("CREATE TABLE article (id INTEGER PRIMARY KEY, status VARCHAR(20))")
    )
    connection.execute(text("INSERT INTO article VALUES (1, 'ARCHIVED')"))

with Session(engine) as session:
    try:
        session.scalars(select(Article)).all()
    except LookupError as error:
        print(error)
        #> 'ARCHIVED' is not among the defined enum values. Enum name: status. Possible values: DRAFT, PUBLISHED
# --8<-- [end:unknown]
