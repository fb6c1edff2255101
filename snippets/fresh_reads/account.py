"""The accounts of the chapter "Fresh reads, locks and lost updates"."""

# --8<-- [start:account]
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    balance: Mapped[int]


# --8<-- [end:account]


# --8<-- [start:versioned]
class VersionedAccount(Base):
    __tablename__ = "versioned_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    balance: Mapped[int]
    version: Mapped[int] = mapped_column()  # (1)!

    __mapper_args__ = {"version_id_col": version}  # (2)!


# --8<-- [end:versioned]
