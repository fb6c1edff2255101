"""synchronize_session="evaluate" refuses a WHERE it cannot run in Python; "auto" fetches."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
import re

from sqlalchemy import update
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"), User(name="Bob"))
like_a = update(User).where(User.name.like("A%")).values(name="Ann")

with Session(engine) as session:
    alice = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    evaluate = like_a.execution_options(synchronize_session="evaluate")
    try:
        session.execute(evaluate)  # (1)!
    except InvalidRequestError as error:
        print(type(error).__name__)
        #> InvalidRequestError
        print(re.sub(r"0x[0-9a-f]+", "0x…", str(error)))
        #> Could not evaluate current criteria in Python: "Cannot evaluate BinaryExpression with operator <function like_op at 0x…>". Specify 'fetch' or False for the synchronize_session execution option.
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    alice = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    session.execute(like_a)  # (1)!
    #> UPDATE user_account SET name=? WHERE user_account.name LIKE ? RETURNING id ('Ann', 'A%')
    print(alice.name)
    #> Ann
    session.commit()
    #> COMMIT
# --8<-- [end:fix]
