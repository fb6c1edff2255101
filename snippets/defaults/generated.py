"""Identity() and Computed() columns: the database makes their values, the flush reads them."""

from snippets.defaults.model import Base, Line
from snippets.defaults.printout import fresh_engine_showing_times

# --8<-- [start:flush]
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable

engine = fresh_engine_showing_times(Base.metadata)
print(" ".join(str(CreateTable(Line.__table__).compile(engine)).split()))  # (1)!
#> CREATE TABLE line ( id INTEGER NOT NULL, quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL, total INTEGER GENERATED ALWAYS AS (quantity * unit_price) STORED, PRIMARY KEY (id) )

with Session(engine) as session:
    line = Line(quantity=3, unit_price=250)
    session.add(line)
    session.flush()  # (2)!
    #> BEGIN (implicit)
    #> INSERT INTO line (quantity, unit_price) VALUES (?, ?) RETURNING id, total (3, 250)
    print(line.id, line.total)
    #> 1 750
    line.quantity = 4
    session.flush()
    #> UPDATE line SET quantity=? WHERE line.id = ? (4, 1)
    print(line.total)  # (3)!
    #> SELECT line.total FROM line WHERE line.id = ? (1,)
    #> 1000
    session.commit()
    #> COMMIT
# --8<-- [end:flush]
