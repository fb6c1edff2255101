"""Which pool create_engine() picks for SQLite, read from the engines."""

# --8<-- [start:which_pool]
from sqlalchemy import create_engine

for url in ["sqlite://", "sqlite:///guide.db"]:  # in memory, and a file
    engine = create_engine(url)  # (1)!
    print(f"{url:20} {type(engine.pool).__name__}")
    #> sqlite://            SingletonThreadPool
    #> sqlite:///guide.db   QueuePool
# --8<-- [end:which_pool]
