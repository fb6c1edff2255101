"""The DDL of a datetime column on each database, and the microseconds it keeps."""

from snippets.datetimes.model import Base, Lap
from snippets.support import fresh_engine

# --8<-- [start:ddl]
from datetime import datetime

from sqlalchemy import DateTime
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.orm import Session

column_types = [
    DateTime(),
    DateTime(timezone=True),
    DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb"),
]
for dialect in (sqlite.dialect(), postgresql.dialect(), mysql.dialect()):
    print(dialect.name, [str(t.compile(dialect=dialect)) for t in column_types])
    #> sqlite ['DATETIME', 'DATETIME', 'DATETIME']
    #> postgresql ['TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITHOUT TIME ZONE']
    #> mysql ['DATETIME', 'DATETIME', 'DATETIME(6)']
# --8<-- [end:ddl]

# --8<-- [start:kept]
engine = fresh_engine(Base.metadata)
split = datetime(2025, 3, 1, 12, 30, 45, 123456)

with Session(engine) as session:
    lap = Lap(at=split, at_precise=split)
    session.add(lap)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO lap (at, at_precise) VALUES (?, ?) ('2025-03-01 12:30:45.123456', '2025-03-01 12:30:45.123456')
    #> COMMIT
    print(lap.at, "|", lap.at_precise)  # (1)!
    #> BEGIN (implicit)
    #> SELECT lap.id, lap.at, lap.at_precise FROM lap WHERE lap.id = ? (1,)
    #> 2025-03-01 12:30:45.123456 | 2025-03-01 12:30:45.123456
#> ROLLBACK
# --8<-- [end:kept]
