"""The fix for LookupError: the enum gets the member the rows hold."""

from snippets.support import database_url

# --8<-- [start:known]
import enum

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class FullStatus(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"  # (1)!


class LegacyBase(DeclarativeBase):
    pass


class LegacyArticle(LegacyBase):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[FullStatus]


engine = create_engine(database_url())
LegacyBase.metadata.drop_all(engine)
with engine.begin() as connection:
    connection.execute(
        text("CREATE TABLE article (id INTEGER PRIMARY KEY, status VARCHAR(20))")
    )
    connection.execute(text("INSERT INTO article VALUES (1, 'ARCHIVED')"))

with Session(engine) as session:
    print(session.scalars(select(LegacyArticle)).one().status)
    #> FullStatus.ARCHIVED
# --8<-- [end:known]
