"""A primaryjoin on columns without a foreign key needs foreign(): an ArgumentError."""

# --8<-- [start:error]
from sqlalchemy import String
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    purchases: Mapped[list["Purchase"]] = relationship(
        primaryjoin="Customer.code == Purchase.customer_code"  # (1)!
    )


class Purchase(Base):
    __tablename__ = "purchase"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_code: Mapped[str] = mapped_column(String(10))


try:
    Base.registry.configure()
except ArgumentError as error:
    print(type(error).__name__)
    #> ArgumentError
    print(error)  # (2)!
    #> Could not locate any relevant foreign key columns for primary join condition 'customer.code = purchase.customer_code' on relationship Customer.purchases.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or are annotated in the join condition with the foreign() annotation.
# --8<-- [end:error]
