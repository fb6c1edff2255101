"""Each relationship joins on its own foreign key: origin_id, or destination_id."""

from snippets.relationship_joins.airports import Airport, Base, Flight
from snippets.support import fresh_engine

# --8<-- [start:flights]
from sqlalchemy.orm import Session

london, new_york = Airport(code="LHR"), Airport(code="JFK")
engine = fresh_engine(
    Base.metadata,
    Flight(number="BA117", origin=london, destination=new_york),
    Flight(number="BA178", origin=new_york, destination=london),
)

with Session(engine) as session:
    heathrow = session.get(Airport, 1)
    #> BEGIN (implicit)
    #> SELECT airport.id, airport.code FROM airport WHERE airport.id = ? (1,)
    print(heathrow.departures)  # (1)!
    #> SELECT flight.id, flight.number, flight.origin_id, flight.destination_id FROM flight WHERE ? = flight.origin_id (1,)
    #> [Flight('BA117')]
    print(heathrow.arrivals)  # (2)!
    #> SELECT flight.id, flight.number, flight.origin_id, flight.destination_id FROM flight WHERE ? = flight.destination_id (1,)
    #> [Flight('BA178')]
    flight = session.get(Flight, 1)
    print(flight.origin.code, flight.destination.code)  # (3)!
    #> SELECT airport.id, airport.code FROM airport WHERE airport.id = ? (2,)
    #> LHR JFK
#> ROLLBACK
# --8<-- [end:flights]
