"""Expired describes attributes, not a state: a persistent or detached object can be expired."""

from snippets.states.model import Base, User
from snippets.states.state_of import state_of
from snippets.support import fresh_engine

# --8<-- [start:expired]
from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import DetachedInstanceError

engine = fresh_engine(Base.metadata)

session = Session(engine)
user = User(name="Alice")
session.add(user)
session.commit()  # (1)!
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Alice',)
#> COMMIT
print(state_of(user), sorted(inspect(user).expired_attributes))
#> persistent ['id', 'name']

print(user.name)  # (2)!
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
#> Alice
print(state_of(user), sorted(inspect(user).expired_attributes))
#> persistent []

session.expire(user, ["name"])  # (3)!
print(sorted(inspect(user).expired_attributes))
#> ['name']
# --8<-- [end:expired]

# --8<-- [start:expired_and_detached]
session.close()
#> ROLLBACK
print(state_of(user), sorted(inspect(user).expired_attributes))
#> detached ['name']
try:
    print(user.name)
except DetachedInstanceError as error:
    print(type(error).__name__, error.code)  # (1)!
    #> DetachedInstanceError bhk3
# --8<-- [end:expired_and_detached]
