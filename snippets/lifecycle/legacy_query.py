"""session.query() still works in 2.x: it is legacy, not deprecated."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from snippets.states.model import Base, User
from snippets.support import fresh_engine

engine = fresh_engine(Base.metadata)
with Session(engine) as session:
    session.add(User(name="Alice"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT

# --8<-- [start:legacy_query]
with Session(engine) as session:
    legacy = session.query(User).filter_by(name="Alice").first()  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id AS user_account_id, user_account.name AS user_account_name FROM user_account WHERE user_account.name = ? LIMIT ? OFFSET ? ('Alice', 1, 0)
    modern = session.scalars(select(User).filter_by(name="Alice").limit(1)).first()
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.name = ? LIMIT ? OFFSET ? ('Alice', 1, 0)
    print(legacy is modern)
    #> True
#> ROLLBACK
# --8<-- [end:legacy_query]
