"""A join on a column that is not the primary key: each lazy load sends its SELECT."""

from snippets.relationship_joins.purchases import Base, Customer, Purchase
from snippets.support import fresh_engine

# --8<-- [start:use]
from sqlalchemy.orm import Session

purchases = [Purchase(paid=True), Purchase(paid=False)]
engine = fresh_engine(Base.metadata, Customer(code="ACME", purchases=purchases))

with Session(engine) as session:
    acme = session.get(Customer, 1)
    #> BEGIN (implicit)
    #> SELECT customer.id, customer.code FROM customer WHERE customer.id = ? (1,)
    print(acme.unpaid)  # (1)!
    #> SELECT purchase.id, purchase.customer_code, purchase.paid FROM purchase WHERE ? = purchase.customer_code AND purchase.paid = 0 ('ACME',)
    #> [Purchase(2, paid=False)]
    first = session.get(Purchase, 1)
    #> SELECT purchase.id, purchase.customer_code, purchase.paid FROM purchase WHERE purchase.id = ? (1,)
    print(first.customer_code, first.customer is acme)  # (2)!
    #> SELECT customer.id, customer.code FROM customer WHERE ? = customer.code ('ACME',)
    #> ACME True
#> ROLLBACK
# --8<-- [end:use]
