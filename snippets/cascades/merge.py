"""merge: merging a detached playlist carries its tracks' changes along."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:merge]
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload


def edit_detached(cascade: str) -> str:
    """Load a playlist and its tracks, edit a track after the session closed, merge
    the playlist into a new session, and return the title that reached the database."""
    engine, Playlist, Track = stored_playlist(cascade)
    with Session(engine) as session:
        query = select(Playlist).options(selectinload(Playlist.tracks))
        playlist = session.scalars(query).one()
    playlist.tracks[0].title = "Roadrunner (live)"  # (1)!

    with Session(engine) as session:
        session.merge(playlist)  # (2)!
        session.commit()
        return session.get(Track, 1).title


print(edit_detached("save-update, merge"))  # (3)!
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist
#> SELECT track.playlist_id, track.id, track.title FROM track WHERE track.playlist_id IN (?) (1,)
#> ROLLBACK
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
#> UPDATE track SET title=? WHERE track.id = ? ('Roadrunner (live)', 1)
#> COMMIT
#> BEGIN (implicit)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE track.id = ? (1,)
#> ROLLBACK
#> Roadrunner (live)
print(edit_detached("save-update"))  # (4)!
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist
#> SELECT track.playlist_id, track.id, track.title FROM track WHERE track.playlist_id IN (?) (1,)
#> ROLLBACK
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
#> COMMIT
#> BEGIN (implicit)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE track.id = ? (1,)
#> ROLLBACK
#> Roadrunner
# --8<-- [end:merge]
