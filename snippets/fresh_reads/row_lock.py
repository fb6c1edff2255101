"""with_for_update() locks the row: a second locker waits, here until its timeout."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine, server_url

# --8<-- [start:row_lock]
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

server_url()  # stops here without a PostgreSQL or MariaDB server
engine = fresh_engine(Base.metadata, Account(id=1, balance=100))
account_1 = select(Account).where(Account.id == 1)


def wait_at_most_one_second(session: Session) -> None:
    """How long the session's locking reads wait for a lock before giving up."""
    if engine.dialect.name == "postgresql":
        session.execute(text("SET LOCAL lock_timeout = '1s'"))
    else:  # MariaDB
        session.execute(text("SET SESSION innodb_lock_wait_timeout = 1"))


with Session(engine) as first, Session(engine) as second:
    account = first.scalars(account_1.with_for_update()).one()  # (1)!
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(id_1)s::INTEGER FOR UPDATE {'id_1': 1}
    wait_at_most_one_second(second)
    #> BEGIN (implicit)
    #> SET LOCAL lock_timeout = '1s'
    try:
        second.scalars(account_1.with_for_update()).one()  # (2)!
        #> SELECT account.id, account.balance FROM account WHERE account.id = %(id_1)s::INTEGER FOR UPDATE {'id_1': 1}
    except OperationalError as error:
        print(type(error).__name__, error.code)
        #> OperationalError e3q8
        print(str(error.orig).splitlines()[0])  # (3)!
        #> canceling statement due to lock timeout
    second.rollback()
    #> ROLLBACK

    account.balance += 10
    first.commit()  # (4)!
    #> UPDATE account SET balance=%(balance)s::INTEGER WHERE account.id = %(account_id)s::INTEGER {'balance': 110, 'account_id': 1}
    #> COMMIT
    again = second.scalars(account_1.with_for_update()).one()
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(id_1)s::INTEGER FOR UPDATE {'id_1': 1}
    print(again.balance)  # (5)!
    #> 110
    again.balance += 10
    second.commit()
    #> UPDATE account SET balance=%(balance)s::INTEGER WHERE account.id = %(account_id)s::INTEGER {'balance': 120, 'account_id': 1}
    #> COMMIT
# --8<-- [end:row_lock]
