"""A Uuid column reads back a uuid.UUID; plain SQL on SQLite sees 32 hex digits."""

from snippets.support import database_url
from snippets.types.model import Base, Token

# --8<-- [start:uuid]
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
key = uuid.UUID("12345678-1234-5678-1234-567812345678")

with Session(engine) as session:
    session.add(Token(id=key, owner="Alice"))
    session.commit()

with Session(engine) as session:
    token = session.get(Token, key)
    print(repr(token.id), token.id == key)
    #> UUID('12345678-1234-5678-1234-567812345678') True

with engine.connect() as connection:  # what any other program reads
    print(repr(connection.execute(text("SELECT id FROM token")).scalar()))  # (1)!
    #> '12345678123456781234567812345678'
# --8<-- [end:uuid]
