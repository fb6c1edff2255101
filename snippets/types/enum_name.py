"""An Enum column stores the member's name; values_callable makes it store the value."""

from snippets.support import database_url
from snippets.types.model import Article, Base, Page, Status

# --8<-- [start:name]
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(Article(status=Status.PUBLISHED))
    session.add(Page(status=Status.PUBLISHED))
    session.commit()

with engine.connect() as connection:  # what any other program reads
    print(connection.execute(text("SELECT status FROM article")).scalar())
    #> PUBLISHED
    print(connection.execute(text("SELECT status FROM page")).scalar())
    #> published
# --8<-- [end:name]
