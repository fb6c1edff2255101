"""Two sides of a self-referential link, neither with remote_side: an ArgumentError."""

# --8<-- [start:error]
from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Category(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    parent: Mapped["Category | None"] = relationship(back_populates="children")
    children: Mapped[list["Category"]] = relationship(back_populates="parent")


try:
    Base.registry.configure()
except ArgumentError as error:
    print(type(error).__name__)
    #> ArgumentError
    print(error)  # (1)!
    #> Category.parent and back-reference Category.children are both of the same direction <RelationshipDirection.ONETOMANY: 1>.  Did you mean to set remote_side on the many-to-one side ?
# --8<-- [end:error]
