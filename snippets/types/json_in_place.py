"""A change made inside a JSON value is not saved; a new value or flag_modified() is."""

from snippets.support import database_url
from snippets.types.model import Base, Settings

# --8<-- [start:lost]
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)


def stored() -> str:
    """The JSON text of the row, as any other program reads it."""
    with engine.connect() as connection:
        value = connection.execute(text("SELECT data FROM settings")).scalar()
        return value if isinstance(value, str) else str(value).replace("'", '"')


with Session(engine) as session:
    settings = Settings(data={"theme": "light", "tags": []})
    session.add(settings)
    session.commit()

    settings.data["theme"] = "dark"  # (1)!
    settings.data["tags"].append("new")
    print(session.dirty)
    #> IdentitySet([])
    session.commit()
print(stored())
#> {"theme": "light", "tags": []}
# --8<-- [end:lost]

# --8<-- [start:saved]
with Session(engine) as session:
    settings = session.get(Settings, 1)
    settings.data = {**settings.data, "theme": "dark"}  # (1)!
    session.commit()
print(stored())
#> {"theme": "dark", "tags": []}

with Session(engine) as session:
    settings = session.get(Settings, 1)
    settings.data["tags"].append("new")
    flag_modified(settings, "data")  # (2)!
    session.commit()
print(stored())
#> {"theme": "dark", "tags": ["new"]}
# --8<-- [end:saved]
