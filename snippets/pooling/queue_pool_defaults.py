"""The settings of a QueuePool that create_engine() makes, read from the pool itself."""

from snippets.support import database_url

# --8<-- [start:defaults]
from sqlalchemy import create_engine

engine = create_engine(database_url(file=True))  # a file: SQLAlchemy uses QueuePool
pool = engine.pool
print(type(pool).__name__)
#> QueuePool
print("pool_size", pool.size())
#> pool_size 5
print("max_overflow", pool._max_overflow)  # (1)!
#> max_overflow 10
print("pool_timeout", pool.timeout())
#> pool_timeout 30.0
print("pool_recycle", pool._recycle)
#> pool_recycle -1
print("pool_pre_ping", pool._pre_ping)
#> pool_pre_ping False
print("pool_use_lifo", pool._pool.use_lifo)
#> pool_use_lifo False
print("pool_reset_on_return", pool._reset_on_return.name)
#> pool_reset_on_return reset_rollback
# --8<-- [end:defaults]
