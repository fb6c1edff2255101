"""save-update: adding the playlist adds its tracks; without it they are left behind."""

from snippets.cascades.playlist import playlist_model
from snippets.support import count_elsewhere, fresh_engine

# --8<-- [start:with]
import warnings

from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session

Base, Playlist, Track = playlist_model("save-update")
engine = fresh_engine(Base.metadata, file=True)

with Session(engine) as session:
    session.add(Playlist(name="Road trip", tracks=[Track(title="Roadrunner")]))
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO playlist (name) VALUES (?) ('Road trip',)
    #> INSERT INTO track (title, playlist_id) VALUES (?, ?) ('Roadrunner', 1)
    #> COMMIT
# --8<-- [end:with]
engine.dispose()

# --8<-- [start:without]
Base, Playlist, Track = playlist_model("none")
engine = fresh_engine(Base.metadata, file=True)

with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    session.add(Playlist(name="Road trip", tracks=[Track(title="Roadrunner")]))
    session.commit()  # (1)!
    #> BEGIN (implicit)
    #> INSERT INTO playlist (name) VALUES (?) ('Road trip',)
    #> COMMIT
    for warning in caught:
        if warning.category is SAWarning:
            print(warning.message)
            #> Object of type <Track> not in session, add operation along 'Playlist.tracks' will not proceed
print(count_elsewhere(engine, Track.__table__))  # (2)!
#> 0
# --8<-- [end:without]
