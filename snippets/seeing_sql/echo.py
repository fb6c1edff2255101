"""echo=True logs every statement with its parameters; echo="debug" adds the rows."""

from snippets.seeing_sql.terminal import Terminal, database_with_users
from snippets.states.model import User

# --8<-- [start:echo]
import logging

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

engine = create_engine(database_with_users(), echo=True)  # (1)!
(echo_handler,) = logging.getLogger("sqlalchemy.engine.Engine").handlers  # (2)!
echo_handler.setStream(Terminal())

with Session(engine) as session:
    alice = session.scalars(select(User).where(User.name == "Alice")).one()  # (3)!
    #> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
    #> <time> INFO sqlalchemy.engine.Engine SELECT user_account.id, user_account.name
    #> FROM user_account
    #> WHERE user_account.name = ?
    #> <time> INFO sqlalchemy.engine.Engine [generated in …s] ('Alice',)
    bob = session.scalars(select(User).where(User.name == "Bob")).one()
    #> <time> INFO sqlalchemy.engine.Engine SELECT user_account.id, user_account.name
    #> FROM user_account
    #> WHERE user_account.name = ?
    #> <time> INFO sqlalchemy.engine.Engine [cached since …s ago] ('Bob',)
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
# --8<-- [end:echo]

# --8<-- [start:debug]
engine.echo = "debug"  # (1)!
with Session(engine) as session:
    users = session.scalars(select(User).order_by(User.id)).all()
    #> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
    #> <time> INFO sqlalchemy.engine.Engine SELECT user_account.id, user_account.name
    #> FROM user_account ORDER BY user_account.id
    #> <time> INFO sqlalchemy.engine.Engine [generated in …s] ()
    #> <time> DEBUG sqlalchemy.engine.Engine Col ('id', 'name')
    #> <time> DEBUG sqlalchemy.engine.Engine Row (1, 'Alice')
    #> <time> DEBUG sqlalchemy.engine.Engine Row (2, 'Bob')
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
# --8<-- [end:debug]

logging.getLogger("sqlalchemy.engine.Engine").removeHandler(echo_handler)
