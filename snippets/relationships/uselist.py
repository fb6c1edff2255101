"""Who decides between a list and a single object: uselist, the annotation, the foreign key."""

# --8<-- [start:classic_without_uselist]
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"

    id = Column(Integer, primary_key=True)
    passport = relationship("Passport")  # (1)!


class Passport(Base):
    __tablename__ = "passport"

    id = Column(Integer, primary_key=True)
    number = Column(String(20))
    holder_id = Column(Integer, ForeignKey("person.id"), unique=True)


print(Person().passport)
#> []
# --8<-- [end:classic_without_uselist]


# --8<-- [start:annotation_overruled]
class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    captain: Mapped[list["Player"]] = relationship(uselist=False)  # (1)!


class Player(Base):
    __tablename__ = "player"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))


print(Team().captain)  # (2)!
#> None
# --8<-- [end:annotation_overruled]


# --8<-- [start:list_on_many_to_one]
class Member(Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    team: Mapped[list["Team"]] = relationship()  # (1)!


print(Member().team)  # (2)!
#> None
# --8<-- [end:list_on_many_to_one]
