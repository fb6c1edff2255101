"""A version counter turns a lost update into StaleDataError; load again and redo it."""

from snippets.fresh_reads.account import Base, VersionedAccount
from snippets.support import fresh_engine

# --8<-- [start:conflict]
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

engine = fresh_engine(Base.metadata, VersionedAccount(id=1, balance=100), file=True)

with Session(engine) as first, Session(engine) as second:
    mine = first.get(VersionedAccount, 1)
    #> BEGIN (implicit)
    #> SELECT versioned_account.id, versioned_account.balance, versioned_account.version FROM versioned_account WHERE versioned_account.id = ? (1,)
    theirs = second.get(VersionedAccount, 1)
    #> BEGIN (implicit)
    #> SELECT versioned_account.id, versioned_account.balance, versioned_account.version FROM versioned_account WHERE versioned_account.id = ? (1,)
    print(mine.version, theirs.version)
    #> 1 1
    mine.balance += 10
    first.commit()  # (1)!
    #> UPDATE versioned_account SET balance=?, version=? WHERE versioned_account.id = ? AND versioned_account.version = ? (110, 2, 1, 1)
    #> COMMIT
    theirs.balance += 10
    try:
        second.commit()  # (2)!
        #> UPDATE versioned_account SET balance=?, version=? WHERE versioned_account.id = ? AND versioned_account.version = ? (110, 2, 1, 1)
        #> ROLLBACK
    except StaleDataError as error:
        print(f"{type(error).__name__}: {error}")
        #> StaleDataError: UPDATE statement on table 'versioned_account' expected to update 1 row(s); 0 were matched.
    # --8<-- [end:conflict]

    # --8<-- [start:again]
    second.rollback()  # (1)!
    print(theirs.balance, theirs.version)  # (2)!
    #> BEGIN (implicit)
    #> SELECT versioned_account.id, versioned_account.balance, versioned_account.version FROM versioned_account WHERE versioned_account.id = ? (1,)
    #> 110 2
    theirs.balance += 10
    second.commit()  # (3)!
    #> UPDATE versioned_account SET balance=?, version=? WHERE versioned_account.id = ? AND versioned_account.version = ? (120, 3, 1, 2)
    #> COMMIT
# --8<-- [end:again]


# --8<-- [start:retry]
def deposit(account_id: int, amount: int, attempts: int = 3) -> int:
    """Add `amount` to the balance; if another program changed the row meanwhile,
    load it again and redo the change."""
    for _ in range(attempts):
        with Session(engine) as session:
            account = session.get(VersionedAccount, account_id)
            account.balance += amount
            balance = account.balance
            try:
                session.commit()
            except StaleDataError:
                continue  # (1)!
            return balance
    raise RuntimeError(f"account {account_id} kept changing; tried {attempts} times")


print(deposit(1, 10))
#> BEGIN (implicit)
#> SELECT versioned_account.id, versioned_account.balance, versioned_account.version FROM versioned_account WHERE versioned_account.id = ? (1,)
#> UPDATE versioned_account SET balance=?, version=? WHERE versioned_account.id = ? AND versioned_account.version = ? (130, 4, 1, 3)
#> COMMIT
#> 130
# --8<-- [end:retry]
