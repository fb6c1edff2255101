"""A table without a primary key, mapped with the columns that identify a row."""

from snippets.support import fresh_engine

# --8<-- [start:fix]
from datetime import datetime

from sqlalchemy import Column, DateTime, String, Table, select
from sqlalchemy.orm import DeclarativeBase, Session


class Base(DeclarativeBase):
    pass


log_line = Table(  # (1)!
    "log_line",
    Base.metadata,
    Column("at", DateTime, nullable=False),
    Column("message", String(200), nullable=False),
)


class LogLine(Base):
    __table__ = log_line
    __mapper_args__ = {"primary_key": [log_line.c.at, log_line.c.message]}  # (2)!


engine = fresh_engine(Base.metadata)
print(log_line.primary_key.columns.keys())  # (3)!
#> []
with Session(engine) as session:
    session.add(LogLine(at=datetime(2026, 12, 1, 9, 30), message="started"))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO log_line (at, message) VALUES (?, ?) ('2026-12-01 09:30:00.000000', 'started')
    #> COMMIT
    line = session.scalars(select(LogLine)).one()
    #> BEGIN (implicit)
    #> SELECT log_line.at, log_line.message FROM log_line
    print(line.message, session.get(LogLine, (line.at, "started")) is line)  # (4)!
    #> started True
#> ROLLBACK
# --8<-- [end:fix]
