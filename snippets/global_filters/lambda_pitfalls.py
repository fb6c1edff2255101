"""The lambda of with_loader_criteria: values are taken when the option is made."""

from snippets.global_filters.model import Base, Note, notes
from snippets.support import fresh_engine

# --8<-- [start:built_once]
from sqlalchemy import event, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    ORMExecuteState,
    Session,
    sessionmaker,
    with_loader_criteria,
)

engine = fresh_engine(Base.metadata, *notes())

current_tenant = 1
ONLY_CURRENT = with_loader_criteria(  # (1)!
    Note, lambda cls: cls.tenant_id == current_tenant
)

current_tenant = 2
with Session(engine) as session:
    print(session.scalars(select(Note).options(ONLY_CURRENT)).all())  # (2)!
    #> BEGIN (implicit)
    #> SELECT note.id, note.tenant_id, note.text FROM note WHERE note.tenant_id = ? (1,)
    #> [Note('Plan A')]
#> ROLLBACK
# --8<-- [end:built_once]


# --8<-- [start:closure]
def only_own_tenant(state: ORMExecuteState) -> None:
    if state.is_select and not state.is_column_load:
        state.statement = state.statement.options(
            with_loader_criteria(
                Note,
                lambda cls: cls.tenant_id == state.session.info["tenant_id"],  # (1)!
            )
        )


Tenants = sessionmaker(engine)
event.listen(Tenants, "do_orm_execute", only_own_tenant)

with Tenants(info={"tenant_id": 1}) as session:
    try:
        session.scalars(select(Note)).all()
    except InvalidRequestError as error:
        print(str(error).split(" inside of")[0])  # (2)!
        #> Closure variable named 'state'
# --8<-- [end:closure]
