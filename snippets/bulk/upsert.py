"""An upsert: INSERT, or UPDATE where the key exists; each backend has its own syntax."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:upsert]
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.orm import Session


def upsert(dialect_name: str, rows: list[dict]):
    """INSERT the rows; for a key that exists already, UPDATE its name instead."""
    if dialect_name in ("mysql", "mariadb"):
        statement = mysql.insert(User).values(rows)
        return statement.on_duplicate_key_update(name=statement.inserted.name)
    insert = postgresql.insert if dialect_name == "postgresql" else sqlite.insert
    statement = insert(User).values(rows)
    return statement.on_conflict_do_update(
        index_elements=[User.id], set_={"name": statement.excluded.name}
    )


engine = fresh_engine(Base.metadata, User(name="Alice"))
rows = [{"id": 1, "name": "Alicia"}, {"id": 2, "name": "Bob"}]

with Session(engine) as session:
    alice = session.get(User, 1)
    #> BEGIN (implicit)
    #> SELECT user_account.id, user_account.name FROM user_account WHERE user_account.id = ? (1,)
    session.execute(upsert(engine.dialect.name, rows))  # (1)!
    #> INSERT INTO user_account (id, name) VALUES (?, ?), (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name (1, 'Alicia', 2, 'Bob')
    print(alice.name)  # (2)!
    #> Alice
    # --8<-- [end:upsert]

    # --8<-- [start:populate_existing]
    statement = upsert(engine.dialect.name, rows).returning(User)
    users = session.scalars(statement, execution_options={"populate_existing": True})
    #> INSERT INTO user_account (id, name) VALUES (?, ?), (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING id, name (1, 'Alicia', 2, 'Bob')
    print(users.all(), alice.name)  # (1)!
    #> [User(name='Alicia'), User(name='Bob')] Alicia
    session.commit()
    #> COMMIT
# --8<-- [end:populate_existing]
