"""snippets/support.py: the fresh database and the SQL printout every example relies on."""

from sqlalchemy import create_engine, inspect, make_url, select, text
from sqlalchemy.orm import Session

from snippets.states.model import Base, User
from snippets.support import SETTING, fresh_engine, print_sql


def test_print_sql_prints_statements_and_transaction_boundaries(capsys):
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    print_sql(engine)
    with Session(engine) as session:
        session.add(User(name="Alice"))
        session.commit()
        session.scalar(text("SELECT 1"))
        session.rollback()
    assert capsys.readouterr().out.splitlines() == [
        "BEGIN (implicit)",
        "INSERT INTO user_account (name) VALUES (?) ('Alice',)",
        "COMMIT",
        "BEGIN (implicit)",
        "SELECT 1",
        "ROLLBACK",
    ]


def test_fresh_engine_uses_the_configured_url_and_starts_empty(
    backend, monkeypatch, capsys
):
    monkeypatch.setenv(SETTING, backend)
    for _ in range(2):  # the second call must drop what the first one left
        engine = fresh_engine(Base.metadata)
        assert engine.url == make_url(backend)
        with Session(engine) as session:
            assert session.scalars(select(User)).all() == []
            session.add(User(name="Alice"))
            session.commit()
        assert "user_account" in inspect(engine).get_table_names()
        engine.dispose()
