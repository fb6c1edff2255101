"""MutableDict saves a change to the dict's own keys, not a change nested inside it."""

from snippets.support import database_url
from snippets.types.model import Base, TrackedSettings

# --8<-- [start:mutable]
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

with Session(engine) as session:
    settings = TrackedSettings(data={"theme": "light", "tags": []})
    session.add(settings)
    session.commit()

    settings.data["theme"] = "dark"  # (1)!
    session.commit()
    settings.data["tags"].append("new")  # (2)!
    session.commit()

with Session(engine) as session:  # a new session reads the row
    print(session.get(TrackedSettings, 1).data)
    #> {'theme': 'dark', 'tags': []}
# --8<-- [end:mutable]
