"""The classic DetachedInstanceError: an expired attribute read after close()."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
import re

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import DetachedInstanceError

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    user = User(name="Alice")
    session.add(user)
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) ('Alice',)
    #> COMMIT

try:
    print(user.name)
except DetachedInstanceError as error:
    print(re.sub(r"0x[0-9a-f]+", "0x…", str(error)))  # (2)!
    #> Instance <User at 0x…> is not bound to a Session; attribute refresh operation cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)
# --8<-- [end:error]
