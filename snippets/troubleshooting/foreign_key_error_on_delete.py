"""Deleting a parent that no relationship links to its children: the database decides."""

from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Playlist(Base):  # (1)!
    __tablename__ = "playlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlist.id"))


# --8<-- [end:model]

# --8<-- [start:error]
engine = fresh_engine(
    Base.metadata,
    Playlist(id=1, name="Road trip"),
    Track(title="Holiday", playlist_id=1),
)

with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    try:
        session.commit()  # (1)!
        #> DELETE FROM playlist WHERE playlist.id = ? (1,)
        #> COMMIT
    except IntegrityError as error:
        print(str(error.orig).splitlines()[0])  # (2)!
    else:
        orphans = select(func.count()).where(Track.playlist_id == 1)
        print("no error; tracks left pointing at playlist 1:", session.scalar(orphans))
        #> BEGIN (implicit)
        #> SELECT count(*) AS count_1 FROM track WHERE track.playlist_id = ? (1,)
        #> no error; tracks left pointing at playlist 1: 1
#> ROLLBACK
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    session.execute(delete(Track).where(Track.playlist_id == 1))  # (1)!
    #> BEGIN (implicit)
    #> DELETE FROM track WHERE track.playlist_id = ? (1,)
    session.execute(delete(Playlist).where(Playlist.id == 1))
    #> DELETE FROM playlist WHERE playlist.id = ? (1,)
    session.commit()
    #> COMMIT
# --8<-- [end:fix]
