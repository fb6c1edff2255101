"""passive_deletes: leave the tracks to the database's ON DELETE CASCADE."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:model]
from sqlalchemy import event, select
from sqlalchemy.orm import Session

engine, Playlist, Track = stored_playlist(
    "all, delete-orphan",
    ondelete="CASCADE",  # (1)!
    passive_deletes=True,  # (2)!
    file=True,
)
# --8<-- [end:model]


# --8<-- [start:sqlite_foreign_keys]
@event.listens_for(engine, "connect")
def enforce_foreign_keys(dbapi_connection, connection_record):
    if engine.dialect.name == "sqlite":  # (1)!
        dbapi_connection.execute("PRAGMA foreign_keys = ON")


engine.dispose()  # (2)!
# --8<-- [end:sqlite_foreign_keys]

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
