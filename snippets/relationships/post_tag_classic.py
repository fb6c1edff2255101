"""The post_tag model in the classic `Column` style."""

# --8<-- [start:model]
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import DeclarativeBase, relationship


class Base(DeclarativeBase):
    pass


post_tag = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Post(Base):
    __tablename__ = "post"

    id = Column(Integer, primary_key=True)
    title = Column(String(100), nullable=False)
    tags = relationship("Tag", secondary=post_tag, back_populates="posts")

    def __repr__(self) -> str:
        return f"Post({self.title!r})"


class Tag(Base):
    __tablename__ = "tag"

    id = Column(Integer, primary_key=True)
    name = Column(String(30), nullable=False)
    posts = relationship("Post", secondary=post_tag, back_populates="tags")

    def __repr__(self) -> str:
        return f"Tag({self.name!r})"


# --8<-- [end:model]
