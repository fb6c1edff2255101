"""delete-orphan needs a single parent: on many-to-one and many-to-many, say single_parent."""

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from snippets.relationships.post_tag import Base as BlogBase
from snippets.relationships.post_tag import Post, Tag, post_tag
from snippets.support import fresh_engine


class Base(DeclarativeBase):
    pass


class Playlist(Base):
    __tablename__ = "playlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


# --8<-- [start:many_to_one]
class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlist.id"))
    playlist: Mapped[Playlist] = relationship(cascade="all, delete-orphan")  # (1)!


try:
    Base.registry.configure()
except ArgumentError as error:
    print(str(error).split("  ")[0])
    #> For many-to-one relationship Track.playlist, delete-orphan cascade is normally configured only on the "one" side of a one-to-many relationship, and not on the "many" side of a many-to-one or many-to-many relationship.
# --8<-- [end:many_to_one]

# --8<-- [start:secondary_rows]
engine = fresh_engine(BlogBase.metadata)
with Session(engine) as session:
    python = Tag(name="python")
    session.add(Post(title="Cascades", tags=[python]))
    session.flush()
    #> BEGIN (implicit)
    #> INSERT INTO post (title) VALUES (?) ('Cascades',)
    #> INSERT INTO tag (name) VALUES (?) ('python',)
    #> INSERT INTO post_tag (post_id, tag_id) VALUES (?, ?) (1, 1)
    session.add(Post(title="Pools", tags=[python]))
    session.commit()
    #> INSERT INTO post (title) VALUES (?) ('Pools',)
    #> INSERT INTO post_tag (post_id, tag_id) VALUES (?, ?) (2, 1)
    #> COMMIT

    session.delete(session.get(Post, 1))  # (1)!
    #> BEGIN (implicit)
    #> SELECT post.id, post.title FROM post WHERE post.id = ? (1,)
    session.commit()
    #> SELECT tag.id, tag.name FROM tag, post_tag WHERE ? = post_tag.post_id AND tag.id = post_tag.tag_id (1,)
    #> DELETE FROM post_tag WHERE post_tag.post_id = ? AND post_tag.tag_id = ? (1, 1)
    #> DELETE FROM post WHERE post.id = ? (1,)
    #> COMMIT
    print(session.execute(select(post_tag)).all(), session.scalars(select(Tag)).all())
    #> BEGIN (implicit)
    #> SELECT post_tag.post_id, post_tag.tag_id FROM post_tag
    #> SELECT tag.id, tag.name FROM tag
    #> [(2, 1)] [Tag('python')]
#> ROLLBACK
# --8<-- [end:secondary_rows]
