"""session.query().first() sends LIMIT 1; its 2.0 form needs .limit(1) to send the same."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:legacy_query]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session:
    legacy = session.query(User).filter_by(name="Alice").first()  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id AS user_account_id, user_account.name AS user_account_name FROM user_account WHERE user_account.name = ? LIMIT ? OFFSET ? ('Alice', 1, 0)
    statement = select(User).filter_by(name="Alice")
    modern = session.scalars(statement.limit(1)).first()  # (2)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? LIMIT ? OFFSET ? ('Alice', 1, 0)
    unlimited = session.scalars(statement).first()  # (3)!
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? ('Alice',)
    print(legacy is modern is unlimited)
    #> True
#> ROLLBACK
# --8<-- [end:legacy_query]
