"""The enrollment model in the classic `Column` style."""

# --8<-- [start:model]
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, relationship


class Base(DeclarativeBase):
    pass


class Enrollment(Base):
    __tablename__ = "enrollment"

    student_id = Column(Integer, ForeignKey("student.id"), primary_key=True)
    course_id = Column(Integer, ForeignKey("course.id"), primary_key=True)
    grade = Column(String(2))
    student = relationship("Student", back_populates="enrollments")
    course = relationship("Course", back_populates="enrollments")


class Student(Base):
    __tablename__ = "student"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    enrollments = relationship("Enrollment", back_populates="student")


class Course(Base):
    __tablename__ = "course"

    id = Column(Integer, primary_key=True)
    title = Column(String(100), nullable=False)
    enrollments = relationship("Enrollment", back_populates="course")


# --8<-- [end:model]
