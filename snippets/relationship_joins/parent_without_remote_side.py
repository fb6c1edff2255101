"""Without remote_side, a self-referential "parent" is a one-to-many: it finds a child."""

from snippets.support import fresh_engine

# --8<-- [start:silent]
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Category(Base):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    parent: Mapped["Category | None"] = relationship()  # (1)!


engine = fresh_engine(Base.metadata)
with Session(engine) as session:
    books = Category(name="Books")
    session.add(books)
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO category (name, parent_id) VALUES (?, ?) ('Books', None)
    session.add(Category(name="Fiction", parent_id=books.id))
    session.commit()
    #> INSERT INTO category (name, parent_id) VALUES (?, ?) ('Fiction', 1)
    #> COMMIT

with Session(engine) as session:
    fiction = session.scalars(select(Category).filter_by(name="Fiction")).one()
    #> BEGIN (implicit)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.name = ? ('Fiction',)
    books = session.scalars(select(Category).filter_by(name="Books")).one()
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.name = ? ('Books',)
    print(fiction.parent, books.parent.name)  # (2)!
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (2,)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (1,)
    #> None Fiction
    print(Category.parent.property.direction.name)  # (3)!
    #> ONETOMANY
#> ROLLBACK
# --8<-- [end:silent]
