"""A one-to-one attribute holds an object or None, never a list."""

from snippets.relationships.person_passport import Base, Passport, Person
from snippets.support import fresh_engine

# --8<-- [start:one_to_one]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    session.add(Person(name="Ada", passport=Passport(number="X123")))
    session.add(Person(name="Alan"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO person (name) VALUES (?) RETURNING id ('Ada',)
    #> INSERT INTO person (name) VALUES (?) RETURNING id ('Alan',)
    #> INSERT INTO passport (number, holder_id) VALUES (?, ?) ('X123', 1)
    #> COMMIT

    ada, alan = session.scalars(select(Person).order_by(Person.id))
    #> BEGIN (implicit)
    #> SELECT person.id, person.name FROM person ORDER BY person.id
    print(ada.passport, alan.passport)  # (1)!
    #> SELECT passport.id, passport.number, passport.holder_id FROM passport WHERE ? = passport.holder_id (1,)
    #> SELECT passport.id, passport.number, passport.holder_id FROM passport WHERE ? = passport.holder_id (2,)
    #> Passport('X123') None
    print(ada.passport.holder is ada)
    #> True
#> ROLLBACK
# --8<-- [end:one_to_one]

# --8<-- [start:unique]
with Session(engine) as session:
    session.add(Passport(number="Y456", holder_id=ada.id))  # (1)!
    try:
        session.commit()
        #> BEGIN (implicit)
        #> INSERT INTO passport (number, holder_id) VALUES (?, ?) ('Y456', 1)
        #> ROLLBACK
    except Exception as error:
        print(type(error).__name__)
        #> IntegrityError
# --8<-- [end:unique]
