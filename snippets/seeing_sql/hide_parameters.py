"""hide_parameters=True keeps the values out of the log and out of error messages."""

from snippets.seeing_sql.terminal import Terminal, database_with_users
from snippets.states.model import User

# --8<-- [start:shown]
import logging

from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def add_user_1_again(engine) -> None:
    """Insert a second user with id 1, and print the message's bracketed lines."""
    with Session(engine) as session:
        session.add(User(id=1, name="Mallory"))
        try:
            session.flush()
        except IntegrityError as error:
            for line in str(error).splitlines():
                if line.startswith("["):  # the SQL and its parameters
                    print(line)


url = database_with_users()
engine = create_engine(url, echo=True)
(echo_handler,) = logging.getLogger("sqlalchemy.engine.Engine").handlers
echo_handler.setStream(Terminal())
add_user_1_again(engine)  # (1)!
#> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
#> <time> INFO sqlalchemy.engine.Engine INSERT INTO user_account (id, name) VALUES (?, ?)
#> <time> INFO sqlalchemy.engine.Engine [generated in …s] (1, 'Mallory')
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
#> [SQL: INSERT INTO user_account (id, name) VALUES (?, ?)]
#> [parameters: (1, 'Mallory')]
# --8<-- [end:shown]

# --8<-- [start:hidden]
hidden = create_engine(url, echo=True, hide_parameters=True)
add_user_1_again(hidden)  # (1)!
#> <time> INFO sqlalchemy.engine.Engine BEGIN (implicit)
#> <time> INFO sqlalchemy.engine.Engine INSERT INTO user_account (id, name) VALUES (?, ?)
#> <time> INFO sqlalchemy.engine.Engine [generated in …s] [SQL parameters hidden due to hide_parameters=True]
#> <time> INFO sqlalchemy.engine.Engine ROLLBACK
#> [SQL: INSERT INTO user_account (id, name) VALUES (?, ?)]
#> [SQL parameters hidden due to hide_parameters=True]
# --8<-- [end:hidden]

logging.getLogger("sqlalchemy.engine.Engine").removeHandler(echo_handler)
