"""When the link carries data, the link is a mapped class of its own."""

from snippets.relationships.enrollment import Base, Course, Enrollment, Student
from snippets.support import fresh_engine

# --8<-- [start:association_object]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    grace = Student(name="Grace")
    compilers = Course(title="Compilers")
    grace.enrollments.append(Enrollment(course=compilers, grade="A"))  # (1)!
    session.add(grace)
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO course (title) VALUES (?) ('Compilers',)
    #> INSERT INTO student (name) VALUES (?) ('Grace',)
    #> INSERT INTO enrollment (student_id, course_id, grade) VALUES (?, ?, ?) (1, 1, 'A')
    #> COMMIT

    for enrollment in grace.enrollments:
        #> BEGIN (implicit)
        #> SELECT student.id, student.name FROM student WHERE student.id = ? (1,)
        #> SELECT enrollment.student_id, enrollment.course_id, enrollment.grade FROM enrollment WHERE ? = enrollment.student_id (1,)
        print(enrollment.course.title, enrollment.grade)  # (2)!
        #> SELECT course.id, course.title FROM course WHERE course.id = ? (1,)
        #> Compilers A
#> ROLLBACK
# --8<-- [end:association_object]
