"""Deleting one side of a many-to-many deletes its rows of the secondary table, only."""

from snippets.relationships.post_tag import Base, Post, Tag, post_tag
from snippets.support import fresh_engine

# --8<-- [start:secondary_rows]
from sqlalchemy import select
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)
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
