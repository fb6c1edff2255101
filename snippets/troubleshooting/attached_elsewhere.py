"""An object can belong to one session at a time."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:error]
import re

from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

first, second = Session(engine), Session(engine)
user = first.get(User, 1)
#> BEGIN (implicit)
#> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
try:
    second.add(user)
except InvalidRequestError as error:
    print(re.sub(r"0x[0-9a-f]+|'\d+'", "…", str(error)))  # (1)!
    #> Object '<User at …>' is already attached to session … (this is …)
# --8<-- [end:error]

# --8<-- [start:fix]
first.close()  # (1)!
#> ROLLBACK
second.add(user)
print(user in second)
#> True
second.close()
# --8<-- [end:fix]
