"""Giving a person a new passport: the old one has to leave the table first."""

from snippets.relationships.person_passport import Base, Passport, Person
from snippets.support import fresh_engine

# --8<-- [start:assign]
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

engine = fresh_engine(
    Base.metadata, Person(name="Ada", passport=Passport(number="X123"))
)

with Session(engine) as session:
    ada = session.get(Person, 1)
    #> BEGIN (implicit)
    #> SELECT person.id, person.name FROM person WHERE person.id = ? (1,)
    ada.passport = Passport(number="Y456")  # (1)!
    try:
        session.commit()  # (2)!
        #> SELECT passport.id, passport.number, passport.holder_id FROM passport WHERE ? = passport.holder_id (1,)
        #> UPDATE passport SET holder_id=? WHERE passport.id = ? (None, 1)
        #> ROLLBACK
    except IntegrityError as error:
        print(error.orig)
        #> NOT NULL constraint failed: passport.holder_id
# --8<-- [end:assign]

# --8<-- [start:delete_first]
with Session(engine) as session:
    ada = session.get(Person, 1)
    #> BEGIN (implicit)
    #> SELECT person.id, person.name FROM person WHERE person.id = ? (1,)
    session.delete(ada.passport)  # (1)!
    #> SELECT passport.id, passport.number, passport.holder_id FROM passport WHERE ? = passport.holder_id (1,)
    session.flush()  # (2)!
    #> DELETE FROM passport WHERE passport.id = ? (1,)
    ada.passport = Passport(number="Y456")
    session.commit()  # (3)!
    #> INSERT INTO passport (number, holder_id) VALUES (?, ?) ('Y456', 1)
    #> COMMIT
# --8<-- [end:delete_first]

# --8<-- [start:in_place]
with Session(engine) as session:
    ada = session.get(Person, 1)
    #> BEGIN (implicit)
    #> SELECT person.id, person.name FROM person WHERE person.id = ? (1,)
    ada.passport.number = "Z789"  # (1)!
    #> SELECT passport.id, passport.number, passport.holder_id FROM passport WHERE ? = passport.holder_id (1,)
    session.commit()
    #> UPDATE passport SET number=? WHERE passport.id = ? ('Z789', 1)
    #> COMMIT
# --8<-- [end:in_place]
