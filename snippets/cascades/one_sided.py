"""With only Track.playlist mapped, deleting a playlist sends a bare DELETE."""

from snippets.support import fresh_engine

# --8<-- [start:one_sided]
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Playlist(Base):
    __tablename__ = "playlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))  # (1)!


class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(50))
    playlist_id: Mapped[int | None] = mapped_column(ForeignKey("playlist.id"))
    playlist: Mapped[Playlist | None] = relationship()  # (2)!


road_trip = Playlist(name="Road trip")
engine = fresh_engine(
    Base.metadata,
    Track(title="Roadrunner", playlist=road_trip),
    Track(title="Holiday", playlist=road_trip),
)

with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    try:
        session.commit()  # (3)!
        #> DELETE FROM playlist WHERE playlist.id = ? (1,)
        #> COMMIT
    except IntegrityError as error:
        print(type(error).__name__)  # (4)!
        session.rollback()
    print(session.scalars(select(Playlist.name)).all())
    #> BEGIN (implicit)
    #> SELECT playlist.name FROM playlist
    #> []
    print(session.execute(select(Track.title, Track.playlist_id)).all())  # (5)!
    #> SELECT track.title, track.playlist_id FROM track
    #> [('Roadrunner', 1), ('Holiday', 1)]
#> ROLLBACK
# --8<-- [end:one_sided]
