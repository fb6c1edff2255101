"""SQLite in memory across threads: SingletonThreadPool, StaticPool, and the price of sharing."""

from snippets.states.model import Base, User

# --8<-- [start:singleton]
import logging
import threading
from logging.handlers import BufferingHandler

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool


def in_a_thread(function):
    """Run `function` in another thread and return what it returned."""
    result = []
    thread = threading.Thread(target=lambda: result.append(function()))
    thread.start()
    thread.join(timeout=10)
    return result[0]


engine = create_engine("sqlite://")  # SingletonThreadPool: a connection per thread
Base.metadata.create_all(engine)


def count_users() -> int | str:
    with Session(engine) as session:
        try:
            return session.scalar(select(func.count()).select_from(User))
        except OperationalError as error:
            return str(error.orig)


singleton = count_users(), in_a_thread(count_users)
print(*singleton, sep=" | ")  # (1)!
#> 0 | no such table: user_account
# --8<-- [end:singleton]

# --8<-- [start:singleton_limit]
logged = BufferingHandler(capacity=10)  # (1)!
logging.getLogger("sqlalchemy.pool").addHandler(logged)

engine = create_engine("sqlite://", pool_size=1)  # (2)!
Base.metadata.create_all(engine)
print(in_a_thread(count_users))  # (3)!
#> no such table: user_account
for record in logged.buffer:
    error = record.exc_info[1]
    print(record.levelname, record.getMessage().split(" <")[0])
    #> ERROR Exception closing connection
    print(f"{type(error).__name__}: {str(error).split('.')[0]}")
    #> ProgrammingError: SQLite objects created in a thread can only be used in that same thread
print(count_users())  # (4)!
#> no such table: user_account
# --8<-- [end:singleton_limit]
logging.getLogger("sqlalchemy.pool").removeHandler(logged)

# --8<-- [start:static]
engine = create_engine(
    "sqlite://",
    poolclass=StaticPool,  # (1)!
    connect_args={"check_same_thread": False},
)
Base.metadata.create_all(engine)
static = count_users(), in_a_thread(count_users)
print(*static, sep=" | ")
#> 0 | 0
# --8<-- [end:static]

# --8<-- [start:static_isolation]
writer, reader = Session(engine), Session(engine)
writer.add(User(name="Alice"))
writer.flush()  # not committed
seen_uncommitted = reader.scalar(select(func.count()).select_from(User))
print(seen_uncommitted)  # (1)!
#> 1
reader.close()  # (2)!
writer.commit()
committed = writer.scalar(select(func.count()).select_from(User))
print(committed)  # (3)!
#> 0
# --8<-- [end:static_isolation]
writer.close()
