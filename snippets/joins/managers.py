"""A self-join: each employee beside their manager, the one table under two names."""

from snippets.joins.staff import Base, Employee
from snippets.support import fresh_engine

# --8<-- [start:managers]
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

grace = Employee(name="Grace")
engine = fresh_engine(
    Base.metadata,
    Employee(name="Alan", manager=grace),
    Employee(name="Ada", manager=grace),
)

with Session(engine) as session:
    boss = aliased(Employee)  # (1)!
    pairs = (
        select(Employee.name, boss.name)
        .join(Employee.manager.of_type(boss))  # (2)!
        .order_by(Employee.name)
    )
    print(session.execute(pairs).all())
    #> BEGIN (implicit)
    #> SELECT employee.name, employee_1.name AS name_1 FROM employee JOIN employee AS employee_1 ON employee_1.id = employee.manager_id ORDER BY employee.name
    #> [('Ada', 'Grace'), ('Alan', 'Grace')]
    everyone = (
        select(Employee.name, boss.name)
        .outerjoin(Employee.manager.of_type(boss))  # (3)!
        .order_by(Employee.name)
    )
    print(session.execute(everyone).all())
    #> SELECT employee.name, employee_1.name AS name_1 FROM employee LEFT OUTER JOIN employee AS employee_1 ON employee_1.id = employee.manager_id ORDER BY employee.name
    #> [('Ada', 'Grace'), ('Alan', 'Grace'), ('Grace', None)]
    reports_to_grace = (
        select(Employee.name)
        .join(Employee.manager.of_type(boss))
        .where(boss.name == "Grace")  # (4)!
        .order_by(Employee.name)
    )
    print(session.scalars(reports_to_grace).all())
    #> SELECT employee.name FROM employee JOIN employee AS employee_1 ON employee_1.id = employee.manager_id WHERE employee_1.name = ? ORDER BY employee.name ('Grace',)
    #> ['Ada', 'Alan']
#> ROLLBACK
# --8<-- [end:managers]
