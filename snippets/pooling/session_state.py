"""The pool's reset is a rollback: session settings and temporary tables reach the next user."""

from snippets.support import server_url

# --8<-- [start:survives]
from sqlalchemy import create_engine, event, text


def set_tenant(connection) -> None:
    """Remember a tenant for the rest of the session, as multi-tenant apps do."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SET search_path TO tenant_42, public"))
    else:  # MariaDB: a user variable
        connection.execute(text("SET @tenant = 'tenant_42'"))


def tenant(connection) -> str | None:
    if connection.dialect.name == "postgresql":
        return connection.scalar(text("SHOW search_path"))
    return connection.scalar(text("SELECT @tenant"))


engine = create_engine(server_url(), pool_size=1)
with engine.connect() as connection:
    set_tenant(connection)
    connection.execute(text("CREATE TEMPORARY TABLE scratch (id INTEGER)"))
    connection.execute(text("INSERT INTO scratch VALUES (1)"))
    connection.commit()  # (1)!

with engine.connect() as connection:  # (2)!
    survived = (
        tenant(connection),
        connection.scalar(text("SELECT count(*) FROM scratch")),
    )
    print(*survived)
    #> tenant_42, public 1
# --8<-- [end:survives]
engine.dispose()

# --8<-- [start:discard_all]
engine = create_engine(server_url(), pool_size=1, pool_reset_on_return=None)  # (1)!


@event.listens_for(engine, "reset")
def discard_session_state(dbapi_connection, connection_record, reset_state):
    dbapi_connection.rollback()  # (2)!
    if engine.dialect.name == "postgresql" and not reset_state.terminate_only:
        dbapi_connection.autocommit = True  # (3)!
        cursor = dbapi_connection.cursor()
        cursor.execute("DISCARD ALL")
        cursor.close()
        dbapi_connection.autocommit = False


with engine.connect() as connection:
    set_tenant(connection)
    connection.commit()

with engine.connect() as connection:
    after_discard = tenant(connection)
print(after_discard)  # (4)!
#> "$user", public
# --8<-- [end:discard_all]
engine.dispose()

# --8<-- [start:invalidate]
engine = create_engine(server_url(), pool_size=1)

with engine.connect() as connection:
    set_tenant(connection)
    connection.commit()
    connection.invalidate()  # (1)!

with engine.connect() as connection:  # (2)!
    after_invalidate = tenant(connection)
print(after_invalidate)
#> "$user", public
# --8<-- [end:invalidate]
engine.dispose()
