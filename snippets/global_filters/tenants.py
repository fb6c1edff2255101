"""A tenant filter: the listener reads the session's tenant, outside the lambda."""

from snippets.global_filters.model import Base, Note, notes
from snippets.support import fresh_engine

# --8<-- [start:tenants]
from sqlalchemy import event, select
from sqlalchemy.orm import ORMExecuteState, sessionmaker, with_loader_criteria

engine = fresh_engine(Base.metadata, *notes())


def only_own_tenant(state: ORMExecuteState) -> None:
    if state.is_select and not state.is_column_load:
        tenant_id = state.session.info["tenant_id"]  # (1)!
        state.statement = state.statement.options(
            with_loader_criteria(
                Note, lambda cls: cls.tenant_id == tenant_id, include_aliases=True
            )
        )


FilteredSession = sessionmaker(engine)
event.listen(FilteredSession, "do_orm_execute", only_own_tenant)

for tenant_id in (1, 2):
    with FilteredSession(info={"tenant_id": tenant_id}) as session:  # (2)!
        print(session.scalars(select(Note)).all())
        #> BEGIN (implicit)
        #> SELECT note.id, note.tenant_id, note.text FROM note WHERE note.tenant_id = ? (1,)
        #> [Note('Plan A')]
    #> ROLLBACK
        #> BEGIN (implicit)
        #> SELECT note.id, note.tenant_id, note.text FROM note WHERE note.tenant_id = ? (2,)
        #> [Note('Plan B')]
    #> ROLLBACK
# --8<-- [end:tenants]
