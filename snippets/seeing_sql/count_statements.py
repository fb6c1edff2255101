"""Count the statements a block of code sends, and the cases the count misses."""

from snippets.seeing_sql.counting import count_statements
from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:count]
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))

with Session(engine) as session:
    with count_statements(engine) as sent:
        users = session.scalars(select(User)).all()
        #> BEGIN (implicit)
        #> SELECT user_account.id, user_account.name FROM user_account
        alice = session.get(User, 1)  # (1)!
    print(len(sent))
    #> 1
    assert len(sent) == 1  # (2)!
#> ROLLBACK
# --8<-- [end:count]

# --8<-- [start:misses]
other = create_engine(engine.url)

with Session(engine) as session:
    with count_statements(engine) as sent:
        with other.connect() as connection:
            connection.execute(text("SELECT 1"))  # (1)!
        session.execute(
            insert(User),
            [{"name": "Carol"}, {"name": "Dan"}, {"name": "Eve"}],
        )  # (2)!
        #> BEGIN (implicit)
        #> INSERT INTO user_account (name) VALUES (?) [('Carol',), ('Dan',), ('Eve',)]
        session.add(User(name="Frank"))
    session.commit()  # (3)!
    #> INSERT INTO user_account (name) VALUES (?) ('Frank',)
    #> COMMIT
    print(len(sent))
    #> 1
# --8<-- [end:misses]
