"""Every move between the five object states, as one table.

The state diagram and the transition table of docs/states.md are drawn from
TRANSITIONS (`python3 dev.py update`), and tests/test_states.py runs every row on
every backend: the state before, the code, the state after, and the SQL in between.
"""

from dataclasses import dataclass

from sqlalchemy.orm import Session, make_transient, make_transient_to_detached

from snippets.states.model import User


@dataclass(frozen=True)
class Transition:
    source: str  # the state before
    code: str  # what moves the object: Python run with `session` and `user`
    target: str  # the state after, of `user` as the code leaves it
    sql: tuple[str, ...]  # what the database receives meanwhile, by first word
    example: str  # the section of the page that shows it


TRANSITIONS = (
    Transition("transient", "session.add(user)", "pending", (), "lifecycle"),
    Transition(
        "pending", "session.flush()", "persistent", ("BEGIN", "INSERT"), "lifecycle"
    ),
    Transition(
        "pending",
        "session.commit()",
        "persistent",
        ("BEGIN", "INSERT", "COMMIT"),
        "lifecycle",
    ),
    Transition("pending", "session.expunge(user)", "transient", (), "expunge-pending"),
    Transition("pending", "session.rollback()", "transient", (), "expunge-pending"),
    Transition("pending", "session.close()", "transient", (), "expunge-pending"),
    Transition(
        "pending",
        "session.flush(); session.rollback()",
        "transient",
        ("BEGIN", "INSERT", "ROLLBACK"),
        "rollback-after-flush",
    ),
    Transition(
        "persistent", "session.delete(user)", "persistent", (), "delete-and-flush"
    ),
    Transition(
        "persistent",
        "session.delete(user); session.flush()",
        "deleted",
        ("DELETE",),
        "delete-and-flush",
    ),
    Transition("persistent", "session.commit()", "persistent", ("COMMIT",), "expired"),
    Transition(
        "persistent", "session.expunge(user)", "detached", (), "attached-elsewhere"
    ),
    Transition("persistent", "session.close()", "detached", ("ROLLBACK",), "lifecycle"),
    Transition(
        "persistent", "make_transient(user)", "transient", (), "make-transient-copy"
    ),
    Transition(
        "deleted", "session.commit()", "detached", ("COMMIT",), "delete-and-flush"
    ),
    Transition(
        "deleted", "session.close()", "deleted", ("ROLLBACK",), "close-after-delete"
    ),
    Transition(
        "deleted",
        "session.rollback()",
        "persistent",
        ("ROLLBACK",),
        "rollback-after-delete",
    ),
    Transition("detached", "session.add(user)", "persistent", (), "reattach-detached"),
    Transition(
        "detached",
        "user = session.merge(user)",
        "persistent",
        ("BEGIN", "SELECT"),
        "merge-detached",
    ),
    Transition(
        "transient",
        "user.id = 1; make_transient_to_detached(user)",
        "detached",
        (),
        "make-transient-to-detached",
    ),
)


def reach(state: str, session: Session) -> User:
    """The object a row starts from, brought into `state` within `session`."""
    user = User(name="Alice")
    if state == "transient":
        return user
    session.add(user)
    if state == "pending":
        return user
    session.commit()
    session.refresh(user)  # loaded again, in a new transaction
    if state == "deleted":
        session.delete(user)
        session.flush()
    elif state == "detached":
        session.close()
    return user


def perform(transition: Transition, session: Session, user: User) -> User:
    """Run the row's code; return `user` as the code leaves it."""
    names = {
        "session": session,
        "user": user,
        "make_transient": make_transient,
        "make_transient_to_detached": make_transient_to_detached,
    }
    exec(transition.code, names)
    return names["user"]
