"""Name the state an object is in, from the flags of its `InstanceState`."""

# --8<-- [start:state_of]
from sqlalchemy import inspect

STATES = ("transient", "pending", "persistent", "deleted", "detached")


def state_of(obj: object) -> str:
    """Exactly one of the five flags of `inspect(obj)` is true at any time."""
    (state,) = [name for name in STATES if getattr(inspect(obj), name)]
    return state


# --8<-- [end:state_of]
