"""The soft-delete filter: a do_orm_execute listener that adds deleted_at IS NULL."""

from snippets.global_filters.model import SoftDelete

# --8<-- [start:hide_deleted]
from sqlalchemy.orm import ORMExecuteState, with_loader_criteria


def hide_deleted(state: ORMExecuteState) -> None:
    """Add `deleted_at IS NULL` for every soft-deletable entity a SELECT loads."""
    if (
        state.is_select  # (1)!
        and not state.is_column_load  # (2)!
        and not state.execution_options.get("include_deleted", False)  # (3)!
    ):
        state.statement = state.statement.options(
            with_loader_criteria(
                SoftDelete,  # (4)!
                lambda cls: cls.deleted_at.is_(None),
                include_aliases=True,  # (5)!
            )
        )


# --8<-- [end:hide_deleted]
