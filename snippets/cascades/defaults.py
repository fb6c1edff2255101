"""What cascade a relationship has when you name none, and what "all" stands for."""

from snippets.cascades.playlist import playlist_model

# --8<-- [start:defaults]
from sqlalchemy.orm import CascadeOptions

Base, Playlist, Track = playlist_model()  # (1)!
print(sorted(Playlist.tracks.property.cascade))
#> ['merge', 'save-update']

print(sorted(CascadeOptions("all")))  # (2)!
#> ['delete', 'expunge', 'merge', 'refresh-expire', 'save-update']
print(sorted(CascadeOptions("all, delete-orphan")))
#> ['delete', 'delete-orphan', 'expunge', 'merge', 'refresh-expire', 'save-update']
print(sorted(CascadeOptions("none")))
#> []
# --8<-- [end:defaults]
