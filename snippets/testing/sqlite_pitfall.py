"""On SQLite without the fix, the first commit of the code under test escapes."""

from snippets.states.model import Base, User
from snippets.support import count_elsewhere, database_url, print_sql
from snippets.testing.fixture import session_for_a_test

# --8<-- [start:pitfall]
from sqlalchemy import create_engine

engine = create_engine(database_url(file=True))  # (1)!
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print_sql(engine)

with session_for_a_test(engine) as session:
    #> BEGIN (implicit)
    session.add(User(name="Alice"))
    session.commit()  # (2)!
    #> SAVEPOINT sa_savepoint_1
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> RELEASE SAVEPOINT sa_savepoint_1
#> ROLLBACK
print(count_elsewhere(engine, User.__table__))  # (3)!
#> 1
# --8<-- [end:pitfall]
