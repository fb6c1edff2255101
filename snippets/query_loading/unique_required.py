"""A joined eager load of a collection needs unique(): without it the result refuses
to give its objects."""

from snippets.query_loading.model import Author, Base, library
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, joinedload

engine = fresh_engine(Base.metadata, *library())
query = select(Author).order_by(Author.name).limit(2).options(joinedload(Author.books))

with Session(engine) as session:
    try:
        session.scalars(query).all()
        #> BEGIN (implicit)
        #> SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id FROM (SELECT author.id AS id, author.name AS name FROM author ORDER BY author.name LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id ORDER BY anon_1.name, book_1.id (2, 0)
    except InvalidRequestError as error:
        print(str(error).split(" (Background")[0])  # (1)!
        #> The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    authors = session.scalars(query).unique().all()  # (1)!
    #> BEGIN (implicit)
    #> SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id FROM (SELECT author.id AS id, author.name AS name FROM author ORDER BY author.name LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id ORDER BY anon_1.name, book_1.id (2, 0)
    print(authors)
    #> [Author('Octavia'), Author('Stanisław')]
    rows = session.execute(query).unique().all()  # (2)!
    #> SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id FROM (SELECT author.id AS id, author.name AS name FROM author ORDER BY author.name LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id ORDER BY anon_1.name, book_1.id (2, 0)
    print(rows)
    #> [(Author('Octavia'),), (Author('Stanisław'),)]
#> ROLLBACK
# --8<-- [end:fix]
