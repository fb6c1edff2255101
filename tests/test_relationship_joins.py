"""Every claim of docs/relationship_joins.md, on every backend."""

from __future__ import annotations

import warnings

import pytest
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import AmbiguousForeignKeysError, ArgumentError, SAWarning
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    selectinload,
)
from sqlalchemy.orm import RelationshipDirection as Direction
from sqlalchemy.schema import CreateTable

from snippets.relationship_joins.airports import Airport, Flight
from snippets.relationship_joins.category import Category
from snippets.relationship_joins.purchases import Base as PurchaseBase
from snippets.relationship_joins.purchases import Customer, Purchase
from tests.outputs import run_snippet

SQL = ("BEGIN", "SELECT", "INSERT", "UPDATE", "DELETE", "COMMIT", "ROLLBACK")


def printed(module: str, url: str | None = None) -> list[str]:
    """What the snippet printed itself: its lines without the SQL printout."""
    lines = [text.rstrip("\n") for _, text in run_snippet(module, url).printed]
    return [line for line in lines if not line.startswith(SQL)]


def selects(sql_log) -> list[str]:
    return [s for s in sql_log.statements if s.startswith("SELECT")]


# Two foreign keys to one table


def test_two_foreign_keys_to_one_table_raise_ambiguous_foreign_keys_error():
    lines = printed("relationship_joins.two_foreign_keys")
    assert lines == [
        "AmbiguousForeignKeysError",
        "Could not determine join condition between parent/child tables on "
        "relationship Flight.origin",
        "there are multiple foreign key paths linking the tables.  Specify the "
        "'foreign_keys' argument, providing a list of those columns which should be "
        "counted as containing a foreign key reference to the parent table.",
    ]
    assert issubclass(AmbiguousForeignKeysError, ArgumentError)
    assert AmbiguousForeignKeysError.code is None


def test_foreign_keys_tell_each_relationship_its_column(backend, sql_log):
    lines = printed("relationship_joins.flights", backend)
    assert lines == ["[Flight('BA117')]", "[Flight('BA178')]", "LHR JFK"]
    loads = [s for s in selects(sql_log) if "FROM flight WHERE" in s]
    assert [s.split("WHERE ")[1].split()[-1] for s in loads] == [
        "flight.origin_id",
        "flight.destination_id",
    ]
    airports = [s for s in selects(sql_log) if "FROM airport WHERE" in s]
    assert len(airports) == 2  # get(Airport, 1), then JFK: not Heathrow again
    assert Flight.origin.property.direction is Direction.MANYTOONE
    assert Airport.departures.property.direction is Direction.ONETOMANY


def test_each_side_needs_its_own_foreign_keys():
    class Base(DeclarativeBase):
        pass

    class Airport(Base):
        __tablename__ = "airport"

        id: Mapped[int] = mapped_column(primary_key=True)
        departures: Mapped[list[Flight]] = relationship(back_populates="origin")

    class Flight(Base):
        __tablename__ = "flight"

        id: Mapped[int] = mapped_column(primary_key=True)
        origin_id: Mapped[int] = mapped_column(ForeignKey("airport.id"))
        destination_id: Mapped[int] = mapped_column(ForeignKey("airport.id"))
        origin: Mapped[Airport] = relationship(
            back_populates="departures", foreign_keys=[origin_id]
        )

    with pytest.raises(AmbiguousForeignKeysError, match="Airport.departures"):
        Base.registry.configure()


# Self-referential: a tree


def test_remote_side_makes_parent_many_to_one_and_children_one_to_many():
    assert Category.parent.property.direction is Direction.MANYTOONE
    assert Category.children.property.direction is Direction.ONETOMANY


def test_parent_and_children_navigate_the_tree(backend, sql_log):
    ns = run_snippet("relationship_joins.tree", backend).namespace
    by_key = [s for s in selects(sql_log) if "WHERE category.id = " in s]
    assert len(by_key) == 2  # Physics's parent, then Science's
    assert printed("relationship_joins.tree", backend) == [
        "Category('Science') Category('Books')",
        "['Books', '  Fiction', '    Crime', '  Science', '    Physics']",
        "['Books', '  Fiction', '    Crime', '  Science', '    Physics']",
    ]
    assert ns["root"].name == "Books"


def test_walking_the_tree_costs_a_select_per_category_or_one_per_level(
    backend, sql_log
):
    ns = run_snippet("relationship_joins.tree", backend).namespace
    outline, engine = ns["outline"], ns["engine"]
    top = select(Category).where(Category.parent_id.is_(None))
    with Session(engine) as session:
        sql_log.clear()
        outline(session.scalars(top).one())
        lazy = len(selects(sql_log))
    with Session(engine) as session:
        sql_log.clear()
        everything = selectinload(Category.children, recursion_depth=-1)
        outline(session.scalars(top.options(everything)).one())
        eager = len(selects(sql_log))
    assert lazy == 1 + 5  # the root, then the children of each of 5 categories
    assert eager == 1 + 3  # the root, then one per level: 2, 2 and 0 categories


def test_recursion_depth_is_experimental_in_sqlalchemys_documentation():
    assert "new and experimental" in selectinload.__doc__
    assert "recursion_depth: optional int; when set to a positive integer" in (
        " ".join(selectinload.__doc__.split())
    )


def test_without_remote_side_parent_is_one_to_many_and_finds_a_child(backend):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # silent: no warning at configuration
        ns = run_snippet("relationship_joins.parent_without_remote_side", backend)
    assert printed("relationship_joins.parent_without_remote_side", backend) == [
        "None Fiction",
        "ONETOMANY",
    ]
    Category = ns.namespace["Category"]
    with Session(ns.namespace["engine"]) as session:
        books = session.scalars(select(Category).filter_by(name="Books")).one()
        session.add(Category(name="Science", parent_id=books.id))
        session.commit()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            _ = books.parent  # two children now
    assert [str(w.message) for w in caught if w.category is SAWarning] == [
        "Multiple rows returned with uselist=False for lazily-loaded attribute "
        "'Category.parent' "
    ]


def test_two_one_to_many_sides_raise_argument_error_naming_remote_side():
    lines = printed("relationship_joins.both_one_to_many")
    assert lines == [
        "ArgumentError",
        "Category.parent and back-reference Category.children are both of the same "
        "direction <RelationshipDirection.ONETOMANY: 1>.  Did you mean to set "
        "remote_side on the many-to-one side ?",
    ]
    assert ArgumentError.code is None


# A join with no foreign key


def test_a_join_on_a_column_loads_both_ways_and_filters_the_viewonly_one(
    backend, sql_log
):
    lines = printed("relationship_joins.join_on_a_column", backend)
    assert lines == ["[Purchase(2, paid=False)]", "ACME True"]
    unpaid = next(s for s in selects(sql_log) if "purchase.paid = " in s)
    assert "= purchase.customer_code AND purchase.paid = " in unpaid
    ns = run_snippet("relationship_joins.join_on_a_column", backend).namespace
    with ns["engine"].connect() as connection:
        codes = connection.scalars(select(Purchase.customer_code)).all()
    assert codes == ["ACME", "ACME"]  # filled in by the flush, from Customer.code


def test_a_many_to_one_on_a_column_that_is_not_the_key_always_sends_its_select(
    backend, sql_log
):
    ns = run_snippet("relationship_joins.join_on_a_column", backend).namespace
    assert Purchase.customer.property.direction is Direction.MANYTOONE
    with Session(ns["engine"]) as session:
        acme = session.get(Customer, 1)
        purchase = session.get(Purchase, 1)
        sql_log.clear()
        assert purchase.customer is acme  # the object of the identity map ...
        assert len(selects(sql_log)) == 1  # ... found by a SELECT all the same


def test_appending_to_a_viewonly_collection_writes_nothing(backend, sql_log):
    ns = run_snippet("relationship_joins.join_on_a_column", backend).namespace
    with Session(ns["engine"]) as session, warnings.catch_warnings():
        warnings.simplefilter("error")  # and no warning either
        acme = session.get(Customer, 1)
        acme.unpaid.append(Purchase())
        sql_log.clear()
        session.commit()
        assert "INSERT" not in sql_log.kinds()
        assert len(acme.unpaid) == 1  # after the commit: what the database has


def test_a_primaryjoin_without_foreign_or_a_foreign_key_raises_argument_error():
    lines = printed("relationship_joins.without_foreign")
    assert lines == [
        "ArgumentError",
        "Could not locate any relevant foreign key columns for primary join "
        "condition 'customer.code = purchase.customer_code' on relationship "
        "Customer.purchases.  Ensure that referencing columns are associated with a "
        "ForeignKey or ForeignKeyConstraint, or are annotated in the join condition "
        "with the foreign() annotation.",
    ]


def test_an_overlapping_relationship_warns_qzyx_and_viewonly_silences_it():
    lines = printed("relationship_joins.overlapping")
    assert lines == [
        "SAWarning qzyx",
        "relationship 'Customer.unpaid' will copy column customer.code to column "
        "purchase.customer_code, which conflicts with relationship(s): "
        "'Customer.purchases' (copies customer.code to purchase.customer_code)",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        PurchaseBase.registry.configure()  # viewonly=True: no warning


def test_overlaps_silences_qzyx_and_the_filtered_relationship_still_writes(backend):
    class Base(DeclarativeBase):
        pass

    class Customer(Base):
        __tablename__ = "customer"

        id: Mapped[int] = mapped_column(primary_key=True)
        code: Mapped[str] = mapped_column(String(10), unique=True)
        purchases: Mapped[list[Purchase]] = relationship(
            primaryjoin="Customer.code == foreign(Purchase.customer_code)",
        )
        unpaid: Mapped[list[Purchase]] = relationship(
            primaryjoin="and_(Customer.code == foreign(Purchase.customer_code), "
            "Purchase.paid == False)",
            overlaps="purchases",
        )

    class Purchase(Base):
        __tablename__ = "purchase"

        id: Mapped[int] = mapped_column(primary_key=True)
        customer_code: Mapped[str] = mapped_column(String(10))
        paid: Mapped[bool] = mapped_column(default=False)

    caught = run_snippet("relationship_joins.overlapping").namespace["caught"]
    assert (  # what the warning itself suggests
        "To silence this warning, add the parameter 'overlaps=\"purchases\"' to the "
        "'Customer.unpaid' relationship." in str(caught[0].message)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Base.registry.configure()  # overlaps=: no warning
    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            acme = Customer(code="ACME")
            session.add(acme)
            session.commit()
            acme.unpaid.append(Purchase(paid=True))  # not unpaid at all
            session.commit()
            assert session.scalars(select(Purchase.customer_code)).all() == ["ACME"]
            assert acme.unpaid == []  # stored, and not in the list it was added to
    finally:
        Base.metadata.drop_all(engine)
        engine.dispose()


def test_the_purchase_table_has_no_foreign_key(backend):
    assert not Purchase.__table__.foreign_keys
    engine = create_engine(backend)
    ddl = str(CreateTable(Purchase.__table__).compile(engine))
    assert "REFERENCES" not in ddl and "FOREIGN KEY" not in ddl
    engine.dispose()


@pytest.mark.parametrize("remote_side", [False, True])
def test_a_classic_parent_without_remote_side_is_the_list_of_children(
    backend, remote_side
):
    from sqlalchemy import Column, Integer

    class Base(DeclarativeBase):
        pass

    class Category(Base):
        __tablename__ = "category"
        id = Column(Integer, primary_key=True)
        name = Column(String(50))
        parent_id = Column(ForeignKey("category.id"))
        parent = relationship(
            "Category", **({"remote_side": [id]} if remote_side else {})
        )

    engine = create_engine(backend)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # configuration and loading: no warning
        with Session(engine) as session:
            books = Category(name="Books")
            session.add(books)
            session.flush()
            for name in ("Fiction", "Science"):
                session.add(Category(name=name, parent_id=books.id))
            session.commit()
        with Session(engine) as session:
            by_name = {c.name: c for c in session.scalars(select(Category))}
            if remote_side:
                assert Category.parent.property.direction is Direction.MANYTOONE
                assert by_name["Fiction"].parent is by_name["Books"]
                assert by_name["Books"].parent is None
            else:
                assert Category.parent.property.direction is Direction.ONETOMANY
                parent = by_name["Books"].parent
                assert sorted(c.name for c in parent) == ["Fiction", "Science"]
                assert by_name["Fiction"].parent == []
    Base.metadata.drop_all(engine)
    engine.dispose()
