"""A query keeps loaded values; refresh(), expire() and populate_existing load new ones."""

from snippets.fresh_reads.account import Account, Base
from snippets.support import fresh_engine

# --8<-- [start:fresh_values]
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata, Account(id=1, balance=100), file=True)
other_program = create_engine(engine.url)  # connections of its own, not printed


def deposit_elsewhere(amount: int) -> None:
    """Another program adds to the balance of account 1, and commits."""
    with other_program.begin() as connection:
        more = update(Account).values(balance=Account.balance + amount)
        connection.execute(more.where(Account.id == 1))


with Session(engine) as session:
    account = session.get(Account, 1)
    #> BEGIN (implicit)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    deposit_elsewhere(10)
    session.scalars(select(Account)).one()  # (1)!
    #> SELECT account.id, account.balance FROM account
    print(account.balance)
    #> 100

    session.refresh(account)  # (2)!
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    print(account.balance)
    #> 110

    deposit_elsewhere(10)
    session.expire(account)  # (3)!
    print(account.balance)
    #> SELECT account.id, account.balance FROM account WHERE account.id = ? (1,)
    #> 120

    deposit_elsewhere(10)
    fresh = select(Account).execution_options(populate_existing=True)
    session.scalars(fresh).one()  # (4)!
    #> SELECT account.id, account.balance FROM account
    print(account.balance)
    #> 130
#> ROLLBACK
# --8<-- [end:fresh_values]
