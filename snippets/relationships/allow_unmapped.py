"""__allow_unmapped__ lifts the error of a plain annotation, which SQLAlchemy still reads."""

# --8<-- [start:allow_unmapped]
from sqlalchemy import Column, ForeignKey, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class LegacyBase(DeclarativeBase):
    __allow_unmapped__ = True  # (1)!


class Shelf(LegacyBase):
    __tablename__ = "shelf"

    id: Mapped[int] = mapped_column(primary_key=True)
    boxes: list["Box"] = relationship(back_populates="shelf")  # (2)!


class Box(LegacyBase):
    __tablename__ = "box"

    id: Mapped[int] = mapped_column(primary_key=True)
    shelf_id: Mapped[int] = mapped_column(ForeignKey("shelf.id"))
    shelf: Shelf = relationship(back_populates="boxes")
    label: str = mapped_column(String(20))  # (3)!
    note: str = Column(String(20))  # (4)!
    cache: dict  # (5)!


print(Shelf().boxes, Box().shelf)
#> [] None
print(Box.__table__.c.label.nullable, Box.__table__.c.note.nullable)
#> False True
print("cache" in inspect(Box).attrs)
#> False
# --8<-- [end:allow_unmapped]
