"""DetachedInstanceError from a relationship that was never loaded; a loader option fixes it."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:error]
import re

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import DetachedInstanceError

engine, Playlist, Track = stored_playlist()

with Session(engine, expire_on_commit=False) as session:
    playlist = session.get(Playlist, 1)
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    session.commit()  # (1)!
    #> COMMIT

print(playlist.name)
#> Road trip
try:
    print(playlist.tracks)
except DetachedInstanceError as error:
    print(re.sub(r"0x[0-9a-f]+", "0x…", str(error)))  # (2)!
    #> Parent instance <Playlist at 0x…> is not bound to a Session; lazy load operation of attribute 'tracks' cannot proceed (Background on this error at: https://sqlalche.me/e/21/bhk3)
# --8<-- [end:error]

# --8<-- [start:fix]
with Session(engine) as session:
    query = select(Playlist).options(selectinload(Playlist.tracks))  # (1)!
    playlist = session.scalars(query.where(Playlist.id == 1)).one()
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    #> SELECT track.playlist_id, track.id, track.title FROM track WHERE track.playlist_id IN (?) (1,)
#> ROLLBACK

print(playlist.tracks)
#> [Track('Roadrunner'), Track('Holiday')]
# --8<-- [end:fix]
