"""A locking query keeps the old values of an object the session holds, unless populate_existing."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine, server_url

# --8<-- [start:lock_held_object]
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session

server_url()  # stops here without a PostgreSQL or MariaDB server
engine = fresh_engine(Base.metadata, Account(id=1, balance=100))
other_program = create_engine(engine.url)  # connections of its own, not printed
account_1 = select(Account).where(Account.id == 1)

with Session(engine) as session:
    account = session.get(Account, 1)  # (1)!
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(pk_1)s::INTEGER {'pk_1': 1}
    with other_program.begin() as connection:
        more = update(Account).values(balance=Account.balance + 10)
        connection.execute(more.where(Account.id == 1))
    locked = session.scalars(account_1.with_for_update()).one()  # (2)!
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(id_1)s::INTEGER FOR UPDATE {'id_1': 1}
    print(locked is account, locked.balance)
    #> True 100
    fresh = account_1.with_for_update().execution_options(populate_existing=True)
    session.scalars(fresh).one()  # (3)!
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(id_1)s::INTEGER FOR UPDATE {'id_1': 1}
    print(account.balance)
    #> 110
    account.balance += 10
    session.commit()  # (4)!
    #> UPDATE account SET balance=%(balance)s::INTEGER WHERE account.id = %(account_id)s::INTEGER {'balance': 120, 'account_id': 1}
    #> COMMIT
# --8<-- [end:lock_held_object]
