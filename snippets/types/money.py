"""Float keeps binary rounding errors; Numeric(10, 2) returns Decimal, rounded to 2 places."""

from snippets.support import database_url
from snippets.types.model import Base, Payment

# --8<-- [start:money]
from decimal import Decimal

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine(database_url())
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add(
        Payment(id=1, as_float=0.1 + 0.2, as_numeric=Decimal("0.1") + Decimal("0.2"))
    )
    session.add(Payment(id=2, as_float=19.999, as_numeric=Decimal("19.999")))  # (1)!
    session.commit()

with Session(engine) as session:
    for payment in (session.get(Payment, 1), session.get(Payment, 2)):
        print(repr(payment.as_float), repr(payment.as_numeric))
        #> 0.30000000000000004 Decimal('0.30')
        #> 19.999 Decimal('20.00')
# --8<-- [end:money]
