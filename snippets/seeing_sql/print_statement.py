"""Print a statement without running it: generic SQL, a dialect's, an engine's."""

from snippets.seeing_sql.terminal import show_sql
from snippets.states.model import User
from snippets.support import database_url

# --8<-- [start:generic]
from sqlalchemy import create_engine, select
from sqlalchemy.dialects import mysql, postgresql

stmt = select(User).where(User.name == "Bob's", User.id.in_([1, 2]))
show_sql(stmt)  # (1)!
#> SELECT user_account.id, user_account.name
#> FROM user_account
#> WHERE user_account.name = :name_1 AND user_account.id IN (__[POSTCOMPILE_id_1])
# --8<-- [end:generic]

# --8<-- [start:dialect]
show_sql(stmt.compile(dialect=postgresql.psycopg.dialect()))  # (1)!
#> SELECT user_account.id, user_account.name
#> FROM user_account
#> WHERE user_account.name = %(name_1)s::VARCHAR AND user_account.id IN (__[POSTCOMPILE_id_1])
show_sql(stmt.compile(dialect=mysql.dialect()))
#> SELECT user_account.id, user_account.name
#> FROM user_account
#> WHERE user_account.name = %s AND user_account.id IN (__[POSTCOMPILE_id_1])
# --8<-- [end:dialect]

# --8<-- [start:engine]
engine = create_engine(database_url())
compiled = stmt.compile(engine)  # (1)!
show_sql(compiled)
#> SELECT user_account.id, user_account.name
#> FROM user_account
#> WHERE user_account.name = ? AND user_account.id IN (__[POSTCOMPILE_id_1])
print(compiled.params)  # (2)!
#> {'name_1': "Bob's", 'id_1': [1, 2]}
show_sql(stmt.compile(engine, compile_kwargs={"render_postcompile": True}))  # (3)!
#> SELECT user_account.id, user_account.name
#> FROM user_account
#> WHERE user_account.name = ? AND user_account.id IN (?, ?)
# --8<-- [end:engine]
