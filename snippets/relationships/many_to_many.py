"""The rows of the secondary table follow the collections: append inserts, remove deletes."""

from snippets.relationships.post_tag import Base, Post, Tag
from snippets.support import fresh_engine

# --8<-- [start:many_to_many]
from sqlalchemy.orm import Session

engine = fresh_engine(Base.metadata)

with Session(engine) as session:
    python, sql = Tag(name="python"), Tag(name="sql")
    post = Post(title="Loading strategies", tags=[python, sql])
    print(python.posts)  # (1)!
    #> [Post('Loading strategies')]
    session.add(post)
    session.commit()  # (2)!
    #> BEGIN (implicit)
    #> INSERT INTO post (title) VALUES (?) ('Loading strategies',)
    #> INSERT INTO tag (name) VALUES (?) RETURNING id ('python',)
    #> INSERT INTO tag (name) VALUES (?) RETURNING id ('sql',)
    #> INSERT INTO post_tag (post_id, tag_id) VALUES (?, ?) [(1, 1), (1, 2)]
    #> COMMIT

    print(python.posts)  # (3)!
    #> BEGIN (implicit)
    #> SELECT tag.id, tag.name FROM tag WHERE tag.id = ? (1,)
    #> SELECT post.id, post.title FROM post, post_tag WHERE ? = post_tag.tag_id AND post.id = post_tag.post_id (1,)
    #> [Post('Loading strategies')]
    post.tags.remove(sql)
    #> SELECT tag.id, tag.name FROM tag, post_tag WHERE ? = post_tag.post_id AND tag.id = post_tag.tag_id (1,)
    session.commit()  # (4)!
    #> DELETE FROM post_tag WHERE post_tag.post_id = ? AND post_tag.tag_id = ? (1, 2)
    #> COMMIT
    print(sql.posts)
    #> BEGIN (implicit)
    #> SELECT tag.id, tag.name FROM tag WHERE tag.id = ? (2,)
    #> SELECT post.id, post.title FROM post, post_tag WHERE ? = post_tag.tag_id AND post.id = post_tag.post_id (2,)
    #> []
#> ROLLBACK
# --8<-- [end:many_to_many]
