"""An expired object whose row another program deleted raises ObjectDeletedError."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine

# --8<-- [start:error]
import re

from sqlalchemy import create_engine, delete
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import ObjectDeletedError

engine = fresh_engine(Base.metadata, Account(id=1, balance=100), file=True)
other_program = create_engine(engine.url)  # connections of its own, not printed

session = Session(engine)
account = session.get(Account, 1)
#> BEGIN (implicit)
#> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
session.commit()  # (1)!
#> COMMIT
with other_program.begin() as connection:
    connection.execute(delete(Account).where(Account.id == 1))  # (2)!
try:
    print(account.balance)
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
except ObjectDeletedError as error:
    print(type(error).__name__)
    #> ObjectDeletedError
    print(re.sub(r"0x[0-9a-f]+", "0x…", str(error)))  # (3)!
    #> Instance '<Account at 0x…>' has been deleted, or its row is otherwise not present.
# --8<-- [end:error]

# --8<-- [start:fix]
account = session.get(Account, 1)  # (1)!
#> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
#> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
print(account)
#> None
session.close()
#> ROLLBACK
# --8<-- [end:fix]
