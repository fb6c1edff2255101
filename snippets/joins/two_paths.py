"""join(Flight) from Airport: two foreign keys, so SQLAlchemy cannot choose the ON clause."""

from snippets.relationship_joins.airports import Airport, Base, Flight
from snippets.support import fresh_engine

# --8<-- [start:error]
from sqlalchemy import select
from sqlalchemy.exc import AmbiguousForeignKeysError
from sqlalchemy.orm import Session

london, new_york = Airport(code="LHR"), Airport(code="JFK")
engine = fresh_engine(
    Base.metadata,
    Flight(number="BA117", origin=london, destination=new_york),
    Flight(number="BA178", origin=new_york, destination=london),
)

with Session(engine) as session:
    try:
        session.execute(select(Airport.code, Flight.number).join(Flight))  # (1)!
        #> BEGIN (implicit)
    except AmbiguousForeignKeysError as error:
        print(type(error).__name__)
        #> AmbiguousForeignKeysError
        print(error)
        #> Can't determine join between 'airport' and 'flight'; tables have more than one foreign key constraint relationship between them. Please specify the 'onclause' of this join explicitly.
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    leaving = select(Airport.code, Flight.number).join(Airport.departures)  # (1)!
    print(session.execute(leaving.order_by(Flight.number)).all())
    #> BEGIN (implicit)
    #> SELECT airport.code, flight.number FROM airport JOIN flight ON airport.id = flight.origin_id ORDER BY flight.number
    #> [('LHR', 'BA117'), ('JFK', 'BA178')]
    landing = select(Airport.code, Flight.number).join(
        Flight,
        Flight.destination_id == Airport.id,  # (2)!
    )
    print(session.execute(landing.order_by(Flight.number)).all())
    #> SELECT airport.code, flight.number FROM airport JOIN flight ON flight.destination_id = airport.id ORDER BY flight.number
    #> [('JFK', 'BA117'), ('LHR', 'BA178')]
#> ROLLBACK
# --8<-- [end:fix]
