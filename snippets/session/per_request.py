"""A web application gives each request a session of its own, and ends it with the request."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:per_request]
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

engine = fresh_engine(Base.metadata)

SessionLocal = sessionmaker(engine)  # once, when the application starts


def create_user(name: str) -> int:
    """What a request handler does: one session, one transaction, then close."""
    with SessionLocal.begin() as session:  # (1)!
        user = User(name=name)
        session.add(user)
        session.flush()
        return user.id


def list_users() -> list[str]:
    with SessionLocal() as session:  # (2)!
        return session.scalars(select(User.name).order_by(User.id)).all()


print(create_user("Alice"), create_user("Bob"))
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Alice',)
#> COMMIT
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Bob',)
#> COMMIT
#> 1 2
print(list_users())
#> BEGIN (implicit)
#> SELECT user_account.name FROM user_account ORDER BY user_account.id
#> ROLLBACK
#> ['Alice', 'Bob']
# --8<-- [end:per_request]
