"""Deleting a parent whose children need it: the default cascade tries to unlink them."""

from snippets.support import fresh_engine

# --8<-- [start:model]
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Playlist(Base):
    __tablename__ = "playlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    tracks: Mapped[list["Track"]] = relationship()  # (1)!


class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlist.id"))  # (2)!


# --8<-- [end:model]

# --8<-- [start:error]
engine = fresh_engine(
    Base.metadata, Playlist(name="Road trip", tracks=[Track(title="Holiday")])
)

with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    try:
        session.commit()  # (1)!
        #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
        #> UPDATE track SET playlist_id=? WHERE track.id = ? (None, 1)
        #> ROLLBACK
    except IntegrityError as error:
        print(str(error.orig).splitlines()[0])
        #> NOT NULL constraint failed: track.playlist_id
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    playlist = session.get(Playlist, 1)
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    for track in playlist.tracks:
        #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
        session.delete(track)  # (1)!
    session.delete(playlist)
    session.commit()  # (2)!
    #> DELETE FROM track WHERE track.id = ? (1,)
    #> DELETE FROM playlist WHERE playlist.id = ? (1,)
    #> COMMIT
    print(session.scalars(select(Track)).all())
    #> BEGIN (implicit)
    #> SELECT track.id, track.title, track.playlist_id FROM track
    #> []
#> ROLLBACK
# --8<-- [end:fix]
