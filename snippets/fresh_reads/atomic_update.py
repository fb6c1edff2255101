"""An SQL expression as the new value: the database adds, and no deposit is lost."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine

# --8<-- [start:atomic_update]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, Account(id=1, balance=100), file=True)

with Session(engine) as first, Session(engine) as second:
    mine = first.get(Account, 1)
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    theirs = second.get(Account, 1)
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    mine.balance = Account.balance + 10  # (1)!
    first.commit()
    #> UPDATE account SET balance=(account.balance + ?) WHERE account.id = ? (10, 1)
    #> COMMIT
    theirs.balance = Account.balance + 10
    second.commit()
    #> UPDATE account SET balance=(account.balance + ?) WHERE account.id = ? (10, 1)
    #> COMMIT

with Session(engine) as session:
    print(session.get(Account, 1).balance)  # (2)!
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    #> 120
#> ROLLBACK
# --8<-- [end:atomic_update]
