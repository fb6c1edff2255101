"""scoped_session: one Session per thread, handed out by a registry."""

from snippets.states.model import Base
from snippets.support import fresh_engine

# --8<-- [start:scoped]
import threading

from sqlalchemy.orm import scoped_session, sessionmaker

engine = fresh_engine(Base.metadata)

Session = scoped_session(sessionmaker(engine))  # (1)!

here = Session()
print(here is Session(), Session.registry.has())  # (2)!
#> True True

elsewhere = []
worker = threading.Thread(target=lambda: elsewhere.append(Session()))
worker.start()
worker.join()
print(elsewhere[0] is here)  # (3)!
#> False

Session.remove()  # (4)!
print(Session.registry.has(), Session() is here)
#> False False
Session.remove()
# --8<-- [end:scoped]
