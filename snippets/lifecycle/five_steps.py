"""The five steps of a session's life, in the 2.0 style, with the SQL each one sends."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:five_steps]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

# 1. Create a session
session = Session(engine)

# 2. Add (or query) objects
user = User(name="Alice")
session.add(user)

# 3. Modify them
user.name = "Alice Smith"  # (1)!

# 4. Commit (or roll back)
session.commit()
#> BEGIN (implicit)
#> INSERT INTO user_account (name) VALUES (?) ('Alice Smith',)
#> COMMIT

# 5. Close the session
session.close()
# --8<-- [end:five_steps]
