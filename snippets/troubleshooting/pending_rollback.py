"""After a failed flush, the session refuses all work until rollback()."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

session = Session(engine)
session.add(User(id=1, name="Alice"))
session.commit()
#> BEGIN (implicit)
#> INSERT INTO user_account (id, name) VALUES (?, ?) (1, 'Alice')
#> COMMIT
session.add(User(id=1, name="Alicia"))  # (1)!
try:
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (id, name) VALUES (?, ?) (1, 'Alicia')
    #> ROLLBACK
except IntegrityError:
    print("the flush failed")  # (2)!
    #> the flush failed

try:
    session.get(User, 1)  # (3)!
except PendingRollbackError as error:
    print(error.code, str(error).split(". ")[0])
    #> 7s2a This Session's transaction has been rolled back due to a previous exception during flush
# --8<-- [end:error]

# --8<-- [start:fix]
session.rollback()  # (1)!
print(session.get(User, 1))
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> User(name='Alice')
session.close()
#> ROLLBACK
# --8<-- [end:fix]
