"""Two sessions read the same balance and each add 10: one deposit is lost."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine

# --8<-- [start:lost_update]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, Account(id=1, balance=100), file=True)

with Session(engine) as first, Session(engine) as second:
    mine = first.get(Account, 1)
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    theirs = second.get(Account, 1)  # (1)!
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    mine.balance += 10
    first.commit()
    #> UPDATE account SET balance=? WHERE account.id = ? (110, 1)
    #> COMMIT
    theirs.balance += 10  # (2)!
    second.commit()
    #> UPDATE account SET balance=? WHERE account.id = ? (110, 1)
    #> COMMIT

with Session(engine) as session:
    print(session.get(Account, 1).balance)  # (3)!
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    #> 110
#> ROLLBACK
# --8<-- [end:lost_update]
