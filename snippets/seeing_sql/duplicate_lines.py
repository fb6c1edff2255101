"""echo=True and a handler of your own: every line is logged twice."""

from snippets.seeing_sql.terminal import Terminal, database_with_users
from snippets.states.model import User

# --8<-- [start:error]
import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

root_handler = logging.StreamHandler(Terminal())  # (1)!
root_handler.setFormatter(logging.Formatter(logging.BASIC_FORMAT))
logging.getLogger().addHandler(root_handler)

engine = create_engine(database_with_users(), echo=True)  # (2)!
(echo_handler,) = logging.getLogger("sqlalchemy.engine.Engine").handlers
echo_handler.setStream(Terminal())

with Session(engine) as session:
    alice = session.get(User, 1)  # (3)!
    #> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
    #> INFO:sqlalchemy.engine.Engine:BEGIN (implicit)
    #> <time> INFO sqlalchemy.engine.Engine SELECT user_account.id, user_account.name
    #> FROM user_account
    #> WHERE user_account.id = ?
    #> INFO:sqlalchemy.engine.Engine:SELECT user_account.id, user_account.name
    #> FROM user_account
    #> WHERE user_account.id = ?
    #> <time> INFO sqlalchemy.engine.Engine [generated in …s] (1,)
    #> INFO:sqlalchemy.engine.Engine:[generated in …s] (1,)
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
#> INFO:sqlalchemy.engine.Engine:ROLLBACK
# --8<-- [end:error]

logging.getLogger("sqlalchemy.engine.Engine").removeHandler(echo_handler)

# --8<-- [start:fix]
engine = create_engine(database_with_users())  # (1)!
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # (2)!

with Session(engine) as session:
    alice = session.get(User, 1)
    #> INFO:sqlalchemy.engine.Engine:BEGIN (implicit)
    #> INFO:sqlalchemy.engine.Engine:SELECT user_account.id, user_account.name
    #> FROM user_account
    #> WHERE user_account.id = ?
    #> INFO:sqlalchemy.engine.Engine:[generated in …s] (1,)
#> INFO:sqlalchemy.engine.Engine:ROLLBACK
# --8<-- [end:fix]

logging.getLogger().removeHandler(root_handler)
logging.getLogger("sqlalchemy.engine").setLevel(logging.NOTSET)
