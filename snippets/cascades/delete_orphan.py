"""Taking a track out of its playlist: unlinked by default; deleted with delete-orphan."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:default]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine, Playlist, Track = stored_playlist("all")  # (1)!

with Session(engine) as session:
    playlist = session.get(Playlist, 1)
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    playlist.tracks.remove(playlist.tracks[1])
    #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
    session.commit()  # (2)!
    #> UPDATE track SET playlist_id=? WHERE track.id = ? (None, 2)
    #> COMMIT
    print(session.execute(select(Track.title, Track.playlist_id)).all())
    #> BEGIN (implicit)
    #> SELECT track.title, track.playlist_id FROM track
    #> [('Roadrunner', 1), ('Holiday', None)]
#> ROLLBACK
# --8<-- [end:default]

# --8<-- [start:delete_orphan]
engine, Playlist, Track = stored_playlist("all, delete-orphan")

with Session(engine) as session:
    playlist = session.get(Playlist, 1)
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    playlist.tracks.remove(playlist.tracks[1])
    #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
    session.commit()  # (1)!
    #> DELETE FROM track WHERE track.id = ? (2,)
    #> COMMIT
    print(session.execute(select(Track.title, Track.playlist_id)).all())
    #> BEGIN (implicit)
    #> SELECT track.title, track.playlist_id FROM track
    #> [('Roadrunner', 1)]
#> ROLLBACK
# --8<-- [end:delete_orphan]

# --8<-- [start:delete_orphan_parent]
with Session(engine) as session:
    session.delete(session.get(Playlist, 1))
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
    session.commit()  # (1)!
    #> DELETE FROM track WHERE track.id = ? (1,)
    #> DELETE FROM playlist WHERE playlist.id = ? (1,)
    #> COMMIT
    print(session.scalars(select(Track)).all())
    #> BEGIN (implicit)
    #> SELECT track.id, track.title, track.playlist_id FROM track
    #> []
#> ROLLBACK
# --8<-- [end:delete_orphan_parent]
