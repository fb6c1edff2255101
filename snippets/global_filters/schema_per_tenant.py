"""A schema per tenant on PostgreSQL: schema_translate_map, and a search_path that leaks."""

from snippets.support import print_sql, server_url

# --8<-- [start:translate]
from contextvars import ContextVar

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.schema import CreateSchema, DropSchema


class TenantBase(DeclarativeBase):
    pass


class Invoice(TenantBase):
    __tablename__ = "invoice"  # (1)!

    id: Mapped[int] = mapped_column(primary_key=True)
    amount: Mapped[int]

    def __repr__(self) -> str:
        return f"Invoice({self.amount})"


engine = create_engine(server_url())
if engine.dialect.name != "postgresql":
    raise SystemExit("This example needs PostgreSQL: its schemas live in one database")
with engine.begin() as connection:
    for schema in ("tenant_a", "tenant_b"):
        connection.execute(DropSchema(schema, cascade=True, if_exists=True))
        connection.execute(CreateSchema(schema))
        in_schema = connection.execution_options(schema_translate_map={None: schema})
        TenantBase.metadata.create_all(in_schema)
print_sql(engine)


def add_and_list(schema: str, amount: int) -> None:
    tenant_engine = engine.execution_options(schema_translate_map={None: schema})
    with Session(tenant_engine) as session:  # (2)!
        session.add(Invoice(amount=amount))
        session.commit()
        print(session.scalars(select(Invoice)).all())


add_and_list("tenant_a", 100)
#> BEGIN (implicit)
#> INSERT INTO tenant_a.invoice (amount) VALUES (%(amount)s::INTEGER) RETURNING tenant_a.invoice.id {'amount': 100}
#> COMMIT
#> BEGIN (implicit)
#> SELECT tenant_a.invoice.id, tenant_a.invoice.amount FROM tenant_a.invoice
#> [Invoice(100)]
#> ROLLBACK
add_and_list("tenant_b", 200)
#> BEGIN (implicit)
#> INSERT INTO tenant_b.invoice (amount) VALUES (%(amount)s::INTEGER) RETURNING tenant_b.invoice.id {'amount': 200}
#> COMMIT
#> BEGIN (implicit)
#> SELECT tenant_b.invoice.id, tenant_b.invoice.amount FROM tenant_b.invoice
#> [Invoice(200)]
#> ROLLBACK
# --8<-- [end:translate]
engine.dispose()

# --8<-- [start:search_path_leaks]
engine = create_engine(server_url(), pool_size=1)  # (1)!

with Session(engine) as session:  # a request for tenant A
    session.execute(text("SET search_path TO tenant_a"))
    session.commit()

with Session(engine) as session:  # (2)!
    print(session.scalar(text("SHOW search_path")))
    #> tenant_a
    print(session.scalars(select(Invoice)).all())
    #> [Invoice(100)]
# --8<-- [end:search_path_leaks]
engine.dispose()

# --8<-- [start:checkout]
tenant_schema: ContextVar[str] = ContextVar("tenant_schema", default="public")
engine = create_engine(server_url(), pool_size=1)


@event.listens_for(engine, "checkout")
def set_search_path(dbapi_connection, connection_record, connection_proxy):
    cursor = dbapi_connection.cursor()
    cursor.execute(  # (1)!
        "SELECT set_config('search_path', %s, false)", (tenant_schema.get(),)
    )
    cursor.close()
    dbapi_connection.commit()  # (2)!


tenant_schema.set("tenant_a")
with Session(engine) as session:
    print(session.scalars(select(Invoice)).all())
    #> [Invoice(100)]

tenant_schema.set("public")  # (3)!
with Session(engine) as session:
    print(session.scalar(text("SHOW search_path")))
    #> public
# --8<-- [end:checkout]
engine.dispose()

with create_engine(server_url()).begin() as connection:
    for schema in ("tenant_a", "tenant_b"):
        connection.execute(DropSchema(schema, cascade=True))
