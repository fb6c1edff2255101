"""Which pool create_engine() picks for each kind of URL, read from the engines."""

# --8<-- [start:which_pool]
from sqlalchemy import create_engine

urls = [
    "sqlite://",  # in memory
    "sqlite:///guide.db",  # a file
    "postgresql+psycopg://user@localhost/app",
    "mysql+pymysql://user@localhost/app",  # MariaDB
]
for url in urls:
    engine = create_engine(url)  # (1)!
    print(f"{url:48} {type(engine.pool).__name__}")
    #> sqlite://                                        SingletonThreadPool
    #> sqlite:///guide.db                               QueuePool
    #> postgresql+psycopg://user@localhost/app          QueuePool
    #> mysql+pymysql://user@localhost/app               QueuePool
# --8<-- [end:which_pool]
