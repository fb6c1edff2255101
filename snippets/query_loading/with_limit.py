"""joinedload with LIMIT: SQLAlchemy limits the authors in a subquery, then joins
their books; selectinload limits the first query and loads the books apart."""

from snippets.query_loading.model import Author, Base, Book, library
from snippets.support import fresh_engine

# --8<-- [start:joinedload]
from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, joinedload, selectinload

engine = fresh_engine(Base.metadata, *library())

with Session(engine) as session:
    first_two = select(Author).order_by(Author.name).limit(2)
    limited = first_two.options(joinedload(Author.books))
    for author in session.scalars(limited).unique():  # (1)!
        #> BEGIN (implicit)
        #> SELECT anon_1.id, anon_1.name, book_1.id AS id_1, book_1.title, book_1.year, book_1.author_id FROM (SELECT author.id AS id, author.name AS name FROM author ORDER BY author.name LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN book AS book_1 ON anon_1.id = book_1.author_id ORDER BY anon_1.name, book_1.id (2, 0)
        print(author.name, author.books)  # (2)!
        #> Octavia [Book('Kindred'), Book('Fledgling')]
        #> Stanisław [Book('Solaris')]
#> ROLLBACK
# --8<-- [end:joinedload]

# --8<-- [start:selectinload]
with Session(engine) as session:
    query = first_two.options(selectinload(Author.books))
    for author in session.scalars(query):
        #> BEGIN (implicit)
        #> SELECT author.id, author.name FROM author ORDER BY author.name LIMIT ? OFFSET ? (2, 0)
        #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?) ORDER BY book.id (2, 3)
        print(author.name, author.books)  # (1)!
        #> Octavia [Book('Kindred'), Book('Fledgling')]
        #> Stanisław [Book('Solaris')]
#> ROLLBACK
# --8<-- [end:selectinload]

# --8<-- [start:contains_eager]
with Session(engine) as session:
    query = (
        select(Author)
        .join(Author.books)
        .order_by(Author.name, Book.id)
        .limit(1)  # (1)!
        .options(contains_eager(Author.books))
    )
    for author in session.scalars(query).unique():
        #> BEGIN (implicit)
        #> SELECT book.id, book.title, book.year, book.author_id, author.id AS id_1, author.name FROM author JOIN book ON author.id = book.author_id ORDER BY author.name, book.id LIMIT ? OFFSET ? (1, 0)
        print(author.name, author.books)  # (2)!
        #> Octavia [Book('Kindred')]
#> ROLLBACK
# --8<-- [end:contains_eager]

# --8<-- [start:filter]
with Session(engine) as session:
    joined = (
        select(Author)
        .join(Author.books)
        .where(Book.year > 1970)  # (1)!
        .order_by(Author.name)
        .limit(2)
        .options(selectinload(Author.books))
    )
    print([author.name for author in session.scalars(joined)])  # (2)!
    #> BEGIN (implicit)
    #> SELECT author.id, author.name FROM author JOIN book ON author.id = book.author_id WHERE book.year > ? ORDER BY author.name LIMIT ? OFFSET ? (1970, 2, 0)
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?) ORDER BY book.id (2,)
    #> ['Octavia', 'Octavia']

    exists = (
        select(Author)
        .where(Author.books.any(Book.year > 1970))  # (3)!
        .order_by(Author.name)
        .limit(2)
        .options(selectinload(Author.books))
    )
    print([author.name for author in session.scalars(exists)])
    #> SELECT author.id, author.name FROM author WHERE EXISTS (SELECT 1 FROM book WHERE author.id = book.author_id AND book.year > ?) ORDER BY author.name LIMIT ? OFFSET ? (1970, 2, 0)
    #> SELECT book.author_id, book.id, book.title, book.year FROM book WHERE book.author_id IN (?, ?) ORDER BY book.id (2, 1)
    #> ['Octavia', 'Ursula']
#> ROLLBACK
# --8<-- [end:filter]
