"""The sqlalchemy.engine logger, set up with the logging module instead of echo=True."""

from snippets.seeing_sql.terminal import Terminal, database_with_users
from snippets.states.model import User

# --8<-- [start:logger]
import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine(database_with_users())
handler = logging.StreamHandler(Terminal())  # (1)!
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
logging.getLogger().addHandler(handler)
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # (2)!

with Session(engine) as session:
    alice = session.get(User, 1)
    #> INFO sqlalchemy.engine.Engine: BEGIN (implicit)
    #> INFO sqlalchemy.engine.Engine: SELECT user_account.id, user_account.name
    #> FROM user_account
    #> WHERE user_account.id = ?
    #> INFO sqlalchemy.engine.Engine: [generated in …s] (1,)
#> INFO sqlalchemy.engine.Engine: ROLLBACK
# --8<-- [end:logger]

logging.getLogger().removeHandler(handler)
logging.getLogger("sqlalchemy.engine").setLevel(logging.NOTSET)
