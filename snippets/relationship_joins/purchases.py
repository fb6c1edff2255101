"""Customers and purchases joined on a customer code, with no foreign key at all."""

# --8<-- [start:model]
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)  # (1)!
    purchases: Mapped[list["Purchase"]] = relationship(
        primaryjoin="Customer.code == foreign(Purchase.customer_code)",
        back_populates="customer",
    )
    unpaid: Mapped[list["Purchase"]] = relationship(
        primaryjoin="and_(Customer.code == foreign(Purchase.customer_code), "
        "Purchase.paid == False)",  # (2)!
        viewonly=True,  # (3)!
    )


class Purchase(Base):
    __tablename__ = "purchase"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_code: Mapped[str] = mapped_column(String(10))  # (4)!
    paid: Mapped[bool] = mapped_column(default=False)
    customer: Mapped[Customer] = relationship(
        primaryjoin="foreign(Purchase.customer_code) == Customer.code",  # (5)!
        back_populates="purchases",
    )

    def __repr__(self) -> str:
        return f"Purchase({self.id}, paid={self.paid})"


# --8<-- [end:model]
