"""insert() with a list of dicts: one statement, no objects; add_all() builds objects."""

from snippets.states.model import Base, User
from snippets.support import fresh_engine

# --8<-- [start:add_all]
from sqlalchemy import insert
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    session.add_all([User(name="Alice"), User(name="Bob"), User(name="Carol")])
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Alice',)
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Bob',)
    #> INSERT INTO user_account (name) VALUES (?) RETURNING id ('Carol',)
    #> COMMIT
# --8<-- [end:add_all]

# --8<-- [start:insert]
with Session(engine) as session:
    rows = [{"name": "Dave"}, {"name": "Erin"}, {"name": "Frank"}]
    session.execute(insert(User), rows)  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?) [('Dave',), ('Erin',), ('Frank',)]
    print(len(session.identity_map))  # (2)!
    #> 0
    session.commit()
    #> COMMIT
# --8<-- [end:insert]

# --8<-- [start:returning]
with Session(engine) as session:
    rows = [{"name": "Grace"}, {"name": "Heidi"}]
    users = session.scalars(insert(User).returning(User), rows).all()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO user_account (name) VALUES (?), (?) RETURNING id, name ('Grace', 'Heidi')
    print(users, [user.id for user in users], users[0] in session)
    #> [User(name='Grace'), User(name='Heidi')] [7, 8] True
    session.commit()
    #> COMMIT
# --8<-- [end:returning]
