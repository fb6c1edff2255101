"""The statement cache in the log: generated, cached since, raw sql, no key."""

from snippets.seeing_sql.terminal import Terminal, database_with_users
from snippets.states.model import User

# --8<-- [start:cache]
import logging

from sqlalchemy import create_engine, select, text

engine = create_engine(database_with_users(), echo=True)
(echo_handler,) = logging.getLogger("sqlalchemy.engine.Engine").handlers
echo_handler.setStream(Terminal())

with engine.connect() as connection:
    for name in ["Alice", "Bob"]:
        connection.execute(select(User.id).where(User.name == name))  # (1)!
        #> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
        #> <time> INFO sqlalchemy.engine.Engine SELECT user_account.id
        #> FROM user_account
        #> WHERE user_account.name = ?
        #> <time> INFO sqlalchemy.engine.Engine [generated in …s] ('Alice',)
        #> <time> INFO sqlalchemy.engine.Engine SELECT user_account.id
        #> FROM user_account
        #> WHERE user_account.name = ?
        #> <time> INFO sqlalchemy.engine.Engine [cached since …s ago] ('Bob',)
    for name in ["Alice", "Bob"]:
        connection.execute(
            text(f"SELECT id FROM user_account WHERE name = '{name}'")  # (2)!
        )
        #> <time> INFO sqlalchemy.engine.Engine SELECT id FROM user_account WHERE name = 'Alice'
        #> <time> INFO sqlalchemy.engine.Engine [generated in …s] ()
        #> <time> INFO sqlalchemy.engine.Engine SELECT id FROM user_account WHERE name = 'Bob'
        #> <time> INFO sqlalchemy.engine.Engine [generated in …s] ()
    connection.exec_driver_sql("SELECT 1")  # (3)!
    #> <time> INFO sqlalchemy.engine.Engine SELECT 1
    #> <time> INFO sqlalchemy.engine.Engine [raw sql] ()
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
# --8<-- [end:cache]
