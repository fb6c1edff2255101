"""Walking a tree: one SELECT per category by default, one per level with selectinload."""

from snippets.relationship_joins.category import Base, Category
from snippets.support import fresh_engine

# --8<-- [start:tree]
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

books = Category(
    name="Books",
    children=[
        Category(name="Fiction", children=[Category(name="Crime")]),
        Category(name="Science", children=[Category(name="Physics")]),
    ],
)
engine = fresh_engine(Base.metadata, books)


def outline(category: Category, depth: int = 0) -> list[str]:
    """The category and everything under it, indented by depth."""
    lines = ["  " * depth + category.name]
    for child in category.children:
        lines += outline(child, depth + 1)
    return lines


with Session(engine) as session:
    physics = session.scalars(select(Category).filter_by(name="Physics")).one()
    #> BEGIN (implicit)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.name = ? ('Physics',)
    print(physics.parent, physics.parent.parent)  # (1)!
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.id = ? (3,)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.id = ? (1,)
    #> Category('Science') Category('Books')
#> ROLLBACK
# --8<-- [end:tree]

# --8<-- [start:lazy]
with Session(engine) as session:
    root = session.scalars(select(Category).where(Category.parent_id.is_(None))).one()
    #> BEGIN (implicit)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.parent_id IS NULL
    print(outline(root))  # (1)!
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (1,)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (2,)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (4,)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (3,)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE ? = category.parent_id (5,)
    #> ['Books', '  Fiction', '    Crime', '  Science', '    Physics']
#> ROLLBACK
# --8<-- [end:lazy]

# --8<-- [start:selectin]
with Session(engine) as session:
    everything = selectinload(Category.children, recursion_depth=-1)  # (1)!
    top = select(Category).where(Category.parent_id.is_(None)).options(everything)
    root = session.scalars(top).one()
    #> BEGIN (implicit)
    #> SELECT category.id, category.name, category.parent_id FROM category WHERE category.parent_id IS NULL
    #> SELECT category.parent_id, category.id, category.name FROM category WHERE category.parent_id IN (?) (1,)
    #> SELECT category.parent_id, category.id, category.name FROM category WHERE category.parent_id IN (?, ?) (2, 3)
    #> SELECT category.parent_id, category.id, category.name FROM category WHERE category.parent_id IN (?, ?) (4, 5)
    print(outline(root))  # (2)!
    #> ['Books', '  Fiction', '    Crime', '  Science', '    Physics']
#> ROLLBACK
# --8<-- [end:selectin]
