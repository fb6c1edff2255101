"""Employees and their managers: a table that points at itself."""

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employee"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"))
    manager: Mapped["Employee | None"] = relationship(remote_side=[id])

    def __repr__(self) -> str:
        return f"Employee({self.name!r})"


# --8<-- [end:model]
