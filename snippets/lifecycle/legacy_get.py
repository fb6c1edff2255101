"""Query.get() still works in 2.x, but warns with a LegacyAPIWarning."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:legacy_get]
import warnings

from sqlalchemy.exc import LegacyAPIWarning
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, User(name="Alice"))

with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    user = session.query(User).get(1)  # (1)!
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    for warning in caught:
        if warning.category is LegacyAPIWarning:
            print(warning.message)
            #> The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)
    print(issubclass(LegacyAPIWarning, DeprecationWarning))  # (2)!
    #> True
#> ROLLBACK
# --8<-- [end:legacy_get]
