"""READ COMMITTED makes every read of a transaction see the latest commits, on MariaDB too."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine, server_url

# --8<-- [start:read_committed]
from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

server_url()  # stops here without a PostgreSQL or MariaDB server
engine = fresh_engine(Base.metadata, Account(id=1, balance=100))
other_program = create_engine(engine.url)  # connections of its own, not printed
read_committed = engine.execution_options(isolation_level="READ COMMITTED")  # (1)!

with Session(read_committed) as session:
    account = session.get(Account, 1)
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(pk_1)s::INTEGER {'pk_1': 1}
    print(session.connection().get_isolation_level())
    #> READ COMMITTED
    with other_program.begin() as connection:
        more = update(Account).values(balance=Account.balance + 10)
        connection.execute(more.where(Account.id == 1))
    session.refresh(account)  # (2)!
    #> SELECT account.id, account.balance FROM account WHERE account.id = %(pk_1)s::INTEGER {'pk_1': 1}
    print(account.balance)
    #> 110
#> ROLLBACK
# --8<-- [end:read_committed]
