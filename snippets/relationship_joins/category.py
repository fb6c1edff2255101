"""A tree of categories in one table: each category points at its parent."""

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Category(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))  # (1)!
    parent: Mapped["Category | None"] = relationship(
        back_populates="children",
        remote_side=[id],  # (2)!
    )
    children: Mapped[list["Category"]] = relationship(back_populates="parent")

    def __repr__(self) -> str:
        return f"Category({self.name!r})"


# --8<-- [end:model]
