"""expunge: removing a playlist from the session removes its loaded tracks too."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:expunge]
from sqlalchemy.orm import Session


def track_stays_after_expunging_the_playlist(cascade: str) -> bool:
    engine, Playlist, Track = stored_playlist(cascade)
    with Session(engine) as session:
        playlist = session.get(Playlist, 1)
        track = playlist.tracks[0]
        session.expunge(playlist)
        return track in session


print(track_stays_after_expunging_the_playlist("save-update, merge"))
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
#> ROLLBACK
#> True
print(track_stays_after_expunging_the_playlist("all"))  # (1)!
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
#> ROLLBACK
#> False
# --8<-- [end:expunge]
