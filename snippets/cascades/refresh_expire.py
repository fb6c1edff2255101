"""refresh-expire: expiring a playlist expires its loaded tracks as well."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:refresh_expire]
from sqlalchemy import inspect
from sqlalchemy.orm import Session


def expired_after_expiring_the_playlist(cascade: str) -> list[str]:
    engine, Playlist, Track = stored_playlist(cascade)
    with Session(engine) as session:
        playlist = session.get(Playlist, 1)
        track = playlist.tracks[0]
        session.expire(playlist)  # (1)!
        return sorted(inspect(track).expired_attributes)


print(expired_after_expiring_the_playlist("save-update, merge"))
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
#> ROLLBACK
#> []
print(expired_after_expiring_the_playlist("all"))  # (2)!
#> BEGIN (implicit)
#> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
#> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
#> ROLLBACK
#> ['id', 'playlist_id', 'title']
# --8<-- [end:refresh_expire]
