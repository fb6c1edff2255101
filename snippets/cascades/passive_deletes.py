"""passive_deletes: leave the tracks to the database's ON DELETE CASCADE."""

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from snippets.cascades.playlist import playlist_model
from snippets.support import fresh_engine

# --8<-- [start:model]
Base, Playlist, Track = playlist_model(
    "all, delete-orphan",
    ondelete="CASCADE",  # (1)!
    passive_deletes=True,  # (2)!
)
# --8<-- [end:model]
engine = fresh_engine(Base.metadata, file=True)


# --8<-- [start:sqlite_foreign_keys]
@event.listens_for(engine, "connect")
def enforce_foreign_keys(dbapi_connection, connection_record):
    if engine.dialect.name == "sqlite":  # (1)!
        dbapi_connection.execute("PRAGMA foreign_keys = ON")


# --8<-- [end:sqlite_foreign_keys]
engine.dispose()  # new connections from here on, with the pragma

with Session(engine) as session:
    tracks = [Track(title="Roadrunner"), Track(title="Holiday")]
    session.add(Playlist(name="Road trip", tracks=tracks))
    session.commit()
    #> BEGIN (implicit)
    #> INSERT INTO playlist (name) VALUES (?) ('Road trip',)
    #> INSERT INTO track (title, playlist_id) VALUES (?, ?) RETURNING id ('Roadrunner', 1)
    #> INSERT INTO track (title, playlist_id) VALUES (?, ?) RETURNING id ('Holiday', 1)
    #> COMMIT

# --8<-- [start:delete]
with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    session.commit()  # (1)!
    #> DELETE FROM playlist WHERE playlist.id = ? (1,)
    #> COMMIT
    print(session.scalars(select(Track)).all())  # (2)!
    #> BEGIN (implicit)
    #> SELECT track.id, track.title, track.playlist_id FROM track
    #> []
#> ROLLBACK
# --8<-- [end:delete]
