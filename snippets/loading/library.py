"""The data every example of the chapter loads: three authors with two books each."""

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from snippets.relationships.author_book import Author, Book

# --8<-- [start:library]
LIBRARY = {
    "Ursula": ["The Dispossessed", "The Lathe of Heaven"],
    "Stanisław": ["Solaris", "The Cyberiad"],
    "Octavia": ["Kindred", "Dawn"],
}


def add_library(engine: Engine, author=Author, book=Book) -> None:
    """Store LIBRARY through `author` and `book`, mapped classes of these tables."""
    with Session(engine) as session:
        for name, titles in LIBRARY.items():
            session.add(author(name=name, books=[book(title=t) for t in titles]))
        session.commit()


# --8<-- [end:library]
