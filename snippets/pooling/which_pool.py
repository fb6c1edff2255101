"""Which pool create_engine() picks for each kind of URL, read from the engines."""

from sqlalchemy import create_engine

# --8<-- [start:which_pool]
urls = [
    "sqlite://",  # in memory
    "sqlite:///guide.db",  # a file
    "postgresql+psycopg://root@127.0.0.1:5432/test",
    "mysql+pymysql://root@127.0.0.1:3306/test",  # MariaDB
]
for url in urls:
    engine = create_engine(url)  # (1)!
    print(f"{url:48} {type(engine.pool).__name__}")
    #> sqlite://                                        SingletonThreadPool
    #> sqlite:///guide.db                               QueuePool
    #> postgresql+psycopg://root@127.0.0.1:5432/test    QueuePool
    #> mysql+pymysql://root@127.0.0.1:3306/test         QueuePool
# --8<-- [end:which_pool]
