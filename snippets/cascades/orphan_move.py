"""With delete-orphan, a track moved to another playlist before the flush is kept."""

from snippets.cascades.playlist import stored_playlist

# --8<-- [start:move]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine, Playlist, Track = stored_playlist("all, delete-orphan")

with Session(engine) as session:
    road_trip = session.get(Playlist, 1)
    #> BEGIN (implicit)
    #> SELECT playlist.id, playlist.name FROM playlist WHERE playlist.id = ? (1,)
    holiday = road_trip.tracks[1]
    #> SELECT track.id, track.title, track.playlist_id FROM track WHERE ? = track.playlist_id (1,)
    chill = Playlist(name="Chill")  # (1)!
    session.add(chill)
    road_trip.tracks.remove(holiday)
    chill.tracks.append(holiday)
    session.commit()  # (2)!
    #> INSERT INTO playlist (name) VALUES (?) ('Chill',)
    #> UPDATE track SET playlist_id=? WHERE track.id = ? (2, 2)
    #> COMMIT
    print(session.execute(select(Track.title, Track.playlist_id)).all())
    #> BEGIN (implicit)
    #> SELECT track.title, track.playlist_id FROM track
    #> [('Roadrunner', 1), ('Holiday', 2)]
#> ROLLBACK
# --8<-- [end:move]
