"""A second relationship over the same columns, not viewonly: SAWarning qzyx."""

# --8<-- [start:warning]
import warnings

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    purchases: Mapped[list["Purchase"]] = relationship(
        primaryjoin="Customer.code == foreign(Purchase.customer_code)",
    )
    unpaid: Mapped[list["Purchase"]] = relationship(
        primaryjoin="and_(Customer.code == foreign(Purchase.customer_code), "
        "Purchase.paid == False)",  # (1)!
    )


class Purchase(Base):
    __tablename__ = "purchase"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_code: Mapped[str] = mapped_column(String(10))
    paid: Mapped[bool] = mapped_column(default=False)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    Base.registry.configure()
for warning in caught:
    print(type(warning.message).__name__, warning.message.code)
    #> SAWarning qzyx
    print(str(warning.message).split(". ")[0])  # (2)!
    #> relationship 'Customer.unpaid' will copy column customer.code to column purchase.customer_code, which conflicts with relationship(s): 'Customer.purchases' (copies customer.code to purchase.customer_code)
# --8<-- [end:warning]
