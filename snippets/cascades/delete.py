"""Deleting a playlist: by default its tracks are kept and unlinked; with delete, deleted."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:default]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine, Playlist, Track = stored_playlist("save-update, merge")

with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    session.commit()  # (1)!
    #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
    #> UPDATE track SET playlist_id=? WHERE track.id = ? [(None, 1), (None, 2)]
    #> DELETE FROM playlist WHERE playlist.id = ? (1,)
    #> COMMIT
    print(session.execute(select(Track.title, Track.playlist_id)).all())  # (2)!
    #> BEGIN (implicit)
    #> SELECT track.title, track.playlist_id FROM track
    #> [('Roadrunner', None), ('Holiday', None)]
#> ROLLBACK
# --8<-- [end:default]

# --8<-- [start:delete]
engine, Playlist, Track = stored_playlist("all")

with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
    session.commit()  # (1)!
    #> DELETE FROM track WHERE track.id = ? [(1,), (2,)]
    #> DELETE FROM playlist WHERE playlist.id = ? (1,)
    #> COMMIT
    print(session.execute(select(Track.title, Track.playlist_id)).all())
    #> BEGIN (implicit)
    #> SELECT track.title, track.playlist_id FROM track
    #> []
#> ROLLBACK
# --8<-- [end:delete]
